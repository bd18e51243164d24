package dev.autoreply.worker.mailbox;

import com.google.api.core.ApiFuture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import dev.autoreply.worker.gmail.GmailWatch;
import dev.autoreply.worker.ledger.DocumentIds;
import dev.autoreply.worker.ledger.LedgerException;
import io.grpc.Status;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Lease documents of the Gmail watch renewals, {@code tenants/{tenant}/watchLeases/{mailbox}},
 * with the ids encoded by {@link DocumentIds}. The first claim of a mailbox is a create, which
 * fails for all but one replica. Later claims read the document and write only if its update
 * time is unchanged, so of the replicas that read the same version one write succeeds.
 *
 * <p>NOTE: the test emulator (@firestore-emulator/server 0.3.15) ignores the update-time
 * precondition, so the tests cover claims one after another but not two replicas claiming at
 * the same moment. Production Firestore enforces the precondition.
 */
final class WatchLeases {

  static final String TENANTS = "tenants";
  static final String WATCH_LEASES = "watchLeases";

  static final String TENANT = "tenant";
  static final String MAILBOX = "mailbox";
  static final String CLAIM_ID = "claimId";
  static final String CLAIMED_AT = "claimedAt";
  static final String CONFIRMED_CLAIM_ID = "confirmedClaimId";
  static final String RENEWED_AT = "renewedAt";
  static final String EXPIRES_AT = "expiresAt";
  /** Gmail history id, stored as a decimal string because it is an unsigned 64-bit number. */
  static final String HISTORY_ID = "historyId";
  static final String TOPIC_NAME = "topicName";
  static final String LABEL_IDS = "labelIds";

  /** A lease as read, with the update time that a conditional write compares. */
  record Snapshot(Optional<WatchLease> lease, DocumentSnapshot document) {
  }

  private final Firestore firestore;
  private final Clock clock;

  WatchLeases(Firestore firestore, Clock clock) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Snapshot read(String tenant, String mailbox) {
    DocumentSnapshot document = await(document(tenant, mailbox).get(), "read", tenant, mailbox);
    return new Snapshot(document.exists() ? Optional.of(toLease(document)) : Optional.empty(),
        document);
  }

  /**
   * Claims the next renewal of a mailbox whose lease was read as {@code read}.
   *
   * @return the claim id, or empty if another replica changed the lease since it was read
   */
  Optional<String> claim(String tenant, String mailbox, Snapshot read) {
    String claimId = UUID.randomUUID().toString();
    Map<String, Object> fields = new HashMap<>();
    fields.put(CLAIM_ID, claimId);
    fields.put(CLAIMED_AT, now());
    try {
      if (read.lease().isEmpty()) {
        fields.put(TENANT, tenant);
        fields.put(MAILBOX, normalize(mailbox));
        await(document(tenant, mailbox).create(fields), "claim", tenant, mailbox);
      } else {
        Precondition unchanged = Precondition.updatedAt(read.document().getUpdateTime());
        await(read.document().getReference().update(fields, unchanged), "claim", tenant,
            mailbox);
      }
      return Optional.of(claimId);
    } catch (LedgerException e) {
      if (FirestoreStatus.hasStatus(e, Status.Code.ALREADY_EXISTS)
          || FirestoreStatus.hasStatus(e, Status.Code.FAILED_PRECONDITION)) {
        return isOwnClaim(tenant, mailbox, claimId) ? Optional.of(claimId) : Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Records the result of the users.watch call of claim {@code claimId}.
   *
   * @return false without writing if another replica claimed the lease since then
   */
  boolean confirm(String tenant, String mailbox, String claimId, GmailWatch watch,
      WatchSettings settings) {
    Snapshot read = read(tenant, mailbox);
    if (read.lease().isEmpty() || !read.lease().get().claimId().equals(claimId)) {
      return false;
    }
    Map<String, Object> fields = new HashMap<>();
    fields.put(CONFIRMED_CLAIM_ID, claimId);
    fields.put(RENEWED_AT, now());
    fields.put(EXPIRES_AT, toTimestamp(watch.expiration()));
    fields.put(HISTORY_ID, watch.historyId().toString());
    fields.put(TOPIC_NAME, settings.topicName());
    fields.put(LABEL_IDS, settings.labelIds());
    Precondition unchanged = Precondition.updatedAt(read.document().getUpdateTime());
    try {
      await(read.document().getReference().update(fields, unchanged), "confirm", tenant,
          mailbox);
      return true;
    } catch (LedgerException e) {
      if (FirestoreStatus.hasStatus(e, Status.Code.FAILED_PRECONDITION)) {
        return false;
      }
      throw e;
    }
  }

  /** Tells a lost race from a retried write whose first attempt was committed. */
  private boolean isOwnClaim(String tenant, String mailbox, String claimId) {
    return read(tenant, mailbox).lease().map(WatchLease::claimId).filter(claimId::equals)
        .isPresent();
  }

  private DocumentReference document(String tenant, String mailbox) {
    return firestore.collection(TENANTS).document(DocumentIds.encode(tenant))
        .collection(WATCH_LEASES).document(DocumentIds.encode(normalize(mailbox)));
  }

  private static WatchLease toLease(DocumentSnapshot document) {
    String historyId = document.getString(HISTORY_ID);
    List<String> labelIds = new ArrayList<>();
    if (document.get(LABEL_IDS) instanceof List<?> stored) {
      stored.forEach(label -> labelIds.add(String.valueOf(label)));
    }
    return new WatchLease(
        document.getString(CLAIM_ID),
        toInstant(document.getTimestamp(CLAIMED_AT)),
        document.getString(CONFIRMED_CLAIM_ID),
        toInstant(document.getTimestamp(RENEWED_AT)),
        toInstant(document.getTimestamp(EXPIRES_AT)),
        historyId == null ? null : new BigInteger(historyId),
        document.getString(TOPIC_NAME),
        labelIds);
  }

  private Timestamp now() {
    return toTimestamp(clock.instant());
  }

  /** Cuts to microseconds, the precision Firestore stores. */
  private static Timestamp toTimestamp(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    return Timestamp.ofTimeSecondsAndNanos(micros.getEpochSecond(), micros.getNano());
  }

  private static Instant toInstant(Timestamp timestamp) {
    return timestamp == null ? null
        : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  static String normalize(String mailbox) {
    return mailbox.toLowerCase(Locale.ROOT);
  }

  private static <T> T await(ApiFuture<T> future, String operation, String tenant,
      String mailbox) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new LedgerException("Firestore " + operation + " of the watch lease of mailbox "
          + mailbox + " of tenant " + tenant + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException("interrupted while waiting for Firestore " + operation
          + " of the watch lease of mailbox " + mailbox + " of tenant " + tenant, e);
    }
  }
}
