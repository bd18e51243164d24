package dev.autoreply.worker.safety;

import com.google.api.core.ApiFuture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import dev.autoreply.worker.ledger.DocumentIds;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Allows at most one automatic reply per sender and thread within a period, because RFC 3834
 * section 2 recommends that a responder not reply to the same sender more than once within a
 * period of several days. This bounds a reply loop even when a relay strips the Auto-Submitted
 * field that the loop-safety filter relies on.
 *
 * <p>Each (tenant, sender, thread) pair has one Firestore document at {@code
 * tenants/{tenant}/senderReplies/{sender}~{threadKey}}, both parts encoded by {@link DocumentIds}.
 * A reply is allowed when this call creates the document, with the "must not exist" precondition,
 * or when it replaces an expired one. No transactions are used. The field {@code expireAt} can
 * drive a Firestore TTL policy that deletes expired documents.
 *
 * <p>NOTE: the replacement of an expired document carries a precondition on the update time that
 * was read, so of two workers that replace the same document one fails. The
 * {@code @firestore-emulator/server} 0.3.15 emulator ignores update-time preconditions, so that
 * race is untested here. Only the create precondition is enforced in the tests.
 */
public final class SenderReplyLimiter implements ReplyLimit {

  private static final Logger log = LoggerFactory.getLogger(SenderReplyLimiter.class);

  /** Default period of 7 days, one value within the "several days" of RFC 3834. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

  static final String COLLECTION = "senderReplies";
  static final String TENANT = "tenant";
  static final String SENDER = "sender";
  static final String THREAD_KEY = "threadKey";
  private static final String MESSAGE_ID = "messageId";
  static final String REPLIED_AT = "repliedAt";
  static final String EXPIRE_AT = "expireAt";

  /** Create-or-replace rounds; a second round runs only when the document vanished after a read. */
  private static final int MAX_ROUNDS = 3;

  private final Firestore firestore;
  private final Duration period;

  /** Creates a limiter with the {@link #DEFAULT_PERIOD}. */
  public SenderReplyLimiter(Firestore firestore) {
    this(firestore, DEFAULT_PERIOD);
  }

  /** Creates a limiter that allows one reply per sender and thread within {@code period}. */
  public SenderReplyLimiter(Firestore firestore, Duration period) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, got " + period);
    }
    this.period = period;
  }

  /**
   * Records an automatic reply to {@code sender} in thread {@code threadKey} at {@code now},
   * unless one was recorded less than the period before. A reply recorded at time t blocks
   * every call with {@code now} before t + period.
   *
   * @param sender the address the reply goes to, compared case-insensitively
   * @param threadKey the Gmail thread id, or another stable id of the conversation
   * @return true if the caller may send the reply, false if it must not
   * @throws IllegalArgumentException if tenant, sender or threadKey is blank
   * @throws ReplyLimitException if Firestore fails; send nothing and retry the message later
   */
  @Override
  public boolean tryAcquire(String tenant, String sender, String threadKey, String messageId,
      Instant now) {
    Objects.requireNonNull(now, "now");
    String address = requireText(sender, "sender").strip().toLowerCase(Locale.ROOT);
    DocumentReference document = document(requireText(tenant, "tenant"), address,
        requireText(threadKey, "threadKey"));
    Map<String, Object> fields = fields(tenant, address, threadKey, messageId, now);

    for (int round = 1; round <= MAX_ROUNDS; round++) {
      if (create(document, fields, tenant, threadKey)) {
        log.info("tenant {} thread {}: first automatic reply to the sender in this period", tenant, threadKey);
        return true;
      }
      DocumentSnapshot existing = await(document.get(), "read", tenant, threadKey);
      if (!existing.exists()) {
        continue;
      }
      Instant repliedAt = repliedAt(existing);
      if (messageId != null && messageId.equals(existing.getString(MESSAGE_ID))) {
        // The same mail again: its first attempt took the limit and died before recording.
        log.info("tenant {} thread {}: reply limit already held by message {}", tenant, threadKey, messageId);
        return true;
      }
      if (now.isBefore(repliedAt.plus(period))) {
        log.info("tenant {} thread {}: sender got an automatic reply at {}, no reply before {}",
            tenant, threadKey, repliedAt, repliedAt.plus(period));
        return false;
      }
      Replacement replacement = replace(document, fields, existing.getUpdateTime(), tenant, threadKey);
      if (replacement == Replacement.REPLACED) {
        log.info("tenant {} thread {}: period since the last automatic reply at {} is over",
            tenant, threadKey, repliedAt);
        return true;
      }
      if (replacement == Replacement.LOST_RACE) {
        return false;
      }
    }
    log.warn("tenant {} thread {}: reply limit document kept vanishing after {} rounds; no reply",
        tenant, threadKey, MAX_ROUNDS);
    return false;
  }

  /**
   * Gives back a reply acquired with {@link #tryAcquire} whose sending failed, so that the retry
   * of the same mail is not blocked by its own failed attempt.
   *
   * @throws ReplyLimitException if Firestore fails
   */
  @Override
  public void release(String tenant, String sender, String threadKey) {
    String address = requireText(sender, "sender").strip().toLowerCase(Locale.ROOT);
    DocumentReference document = document(requireText(tenant, "tenant"), address,
        requireText(threadKey, "threadKey"));
    await(document.delete(), "delete", tenant, threadKey);
    log.info("tenant {} thread {}: released the reply limit after a failed send", tenant, threadKey);
  }

  private DocumentReference document(String tenant, String sender, String threadKey) {
    String id = DocumentIds.encode(sender) + "~" + DocumentIds.encode(threadKey);
    return firestore.collection("tenants").document(DocumentIds.encode(tenant))
        .collection(COLLECTION).document(id);
  }

  private Map<String, Object> fields(String tenant, String sender, String threadKey,
      String messageId, Instant now) {
    Instant repliedAt = now.truncatedTo(ChronoUnit.MICROS);
    Map<String, Object> fields = new HashMap<>();
    fields.put(TENANT, tenant);
    fields.put(SENDER, sender);
    fields.put(THREAD_KEY, threadKey);
    fields.put(REPLIED_AT, timestamp(repliedAt));
    fields.put(EXPIRE_AT, timestamp(repliedAt.plus(period)));
    if (messageId != null) {
      fields.put(MESSAGE_ID, messageId);
    }
    return fields;
  }

  /** Returns true if the document was created, false if it exists already. */
  private static boolean create(
      DocumentReference document, Map<String, Object> fields, String tenant, String threadKey) {
    try {
      await(document.create(fields), "create", tenant, threadKey);
      return true;
    } catch (ReplyLimitException e) {
      if (FirestoreStatus.is(e, Status.Code.ALREADY_EXISTS)) {
        return false;
      }
      throw e;
    }
  }

  private static Replacement replace(DocumentReference document, Map<String, Object> fields,
      Timestamp readUpdateTime, String tenant, String threadKey) {
    try {
      await(document.update(fields, Precondition.updatedAt(readUpdateTime)), "replace", tenant, threadKey);
      return Replacement.REPLACED;
    } catch (ReplyLimitException e) {
      if (FirestoreStatus.is(e, Status.Code.FAILED_PRECONDITION)) {
        log.info("tenant {} thread {}: another worker replaced the expired reply limit first",
            tenant, threadKey);
        return Replacement.LOST_RACE;
      }
      if (FirestoreStatus.is(e, Status.Code.NOT_FOUND)) {
        return Replacement.DOCUMENT_GONE;
      }
      throw e;
    }
  }

  // A document without repliedAt was not written by this class; it is treated as expired, so the
  // next reply overwrites it with valid fields.
  private static Instant repliedAt(DocumentSnapshot snapshot) {
    Timestamp stored = snapshot.getTimestamp(REPLIED_AT);
    if (stored == null) {
      log.warn("reply limit document of thread {} has no {} field; treating it as expired",
          snapshot.getString(THREAD_KEY), REPLIED_AT);
      return Instant.EPOCH;
    }
    return Instant.ofEpochSecond(stored.getSeconds(), stored.getNanos());
  }

  // Logs and messages name the tenant and thread but not the sender, to keep addresses out of logs.
  private static <T> T await(ApiFuture<T> future, String operation, String tenant, String threadKey) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (!FirestoreStatus.is(e, Status.Code.ALREADY_EXISTS)) {
        log.warn("tenant {} thread {}: Firestore {} of the reply limit failed: {}",
            tenant, threadKey, operation, e.getCause().toString());
      }
      throw new ReplyLimitException("Firestore " + operation + " of the reply limit of tenant "
          + tenant + " thread " + threadKey + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplyLimitException("interrupted while waiting for Firestore " + operation
          + " of the reply limit of tenant " + tenant + " thread " + threadKey, e);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, got \"" + value + "\"");
    }
    return value;
  }

  /** Result of replacing an expired document. */
  private enum Replacement {
    REPLACED,
    LOST_RACE,
    DOCUMENT_GONE
  }
}
