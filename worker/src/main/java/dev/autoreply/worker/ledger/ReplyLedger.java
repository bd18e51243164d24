package dev.autoreply.worker.ledger;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import io.github.resilience4j.retry.Retry;
import io.grpc.Status;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firestore ledger of the messages a tenant's workers have taken, and of each mailbox's Gmail
 * history cursor. A claim is a document create with the "must not exist" precondition, so of
 * all workers that claim one message exactly one succeeds. A claim that stayed in state claimed
 * for longer than the claim TTL belongs to a worker that likely died, and the next claim takes
 * it over (see {@link ClaimTakeover}). The ledger uses no transactions.
 */
public final class ReplyLedger implements MessageLedger {

  private static final Logger log = LoggerFactory.getLogger(ReplyLedger.class);

  private final Firestore firestore;
  private final FirestoreCalls calls;
  private final Clock clock;
  private final MailboxCursors cursors;
  private final ClaimTakeover takeover;

  /**
   * Default claim TTL. It must exceed the longest time that a live worker keeps a claim: one
   * Gemini draft, up to 5 Gmail attempts with backoff up to 30 s each, and a quota wait, which
   * together take a few minutes at most. Taking over a live claim could send a second reply, so
   * the TTL errs long, and a message whose worker died waits this long for its next delivery.
   */
  public static final Duration DEFAULT_CLAIM_TTL = Duration.ofMinutes(10);

  /** Creates a ledger with the default retry (4 attempts from 200 ms) and the UTC clock. */
  public ReplyLedger(Firestore firestore) {
    this(firestore, FirestoreCalls.defaultRetry(), Clock.systemUTC());
  }

  /**
   * Creates a ledger.
   *
   * @param retry applied to every Firestore call; it should retry only transient statuses, as
   *     {@link #retry(int, Duration)} does
   * @param clock source of claimedAt and updatedAt
   */
  public ReplyLedger(Firestore firestore, Retry retry, Clock clock) {
    this(firestore, retry, clock, DEFAULT_CLAIM_TTL);
  }

  /**
   * Creates a ledger whose claims expire after {@code claimTtl}.
   *
   * @param claimTtl age after which a claim still in state claimed may be taken over by another
   *     worker; positive
   */
  public ReplyLedger(Firestore firestore, Retry retry, Clock clock, Duration claimTtl) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.calls = new FirestoreCalls(Objects.requireNonNull(retry, "retry"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cursors = new MailboxCursors(firestore, calls, clock);
    this.takeover = new ClaimTakeover(calls, clock, requirePositive(claimTtl));
  }

  /** Returns the age after which a claim in state claimed may be taken over. */
  public Duration claimTtl() {
    return takeover.claimTtl();
  }

  /**
   * Builds a retry for this ledger that repeats only UNAVAILABLE, DEADLINE_EXCEEDED and ABORTED,
   * with exponential backoff and jitter.
   */
  public static Retry retry(int maxAttempts, Duration initialWait) {
    return FirestoreCalls.retry(maxAttempts, initialWait);
  }

  /**
   * Claims a message for this worker. When the message is already claimed, the claim is taken
   * over if it is still in state claimed and its claimedAt is more than the claim TTL ago. A
   * final state (sent, drafted, skipped, review, failed) is never taken over.
   *
   * <p>A worker that takes over a claim cannot know whether the previous worker sent its reply
   * before it died, so it should check the Gmail thread for the reply marker before it sends.
   *
   * @return true if this call created the claim or took over an expired one, false if the
   *     message was claimed before and the claim is final or not expired
   * @throws LedgerException if Firestore fails; the caller should retry the message later
   */
  @Override
  public boolean claim(String tenant, String messageId, String mailbox) {
    DocumentReference document = LedgerPaths.message(firestore, tenant, messageId);
    String claimId = UUID.randomUUID().toString();
    Map<String, Object> fields = claimFields(tenant, messageId, mailbox, claimId);
    try {
      calls.call("claim", tenant, messageId, () -> document.create(fields));
      log.info("Claimed message {} of tenant {} for mailbox {}", messageId, tenant, mailbox);
      return true;
    } catch (RuntimeException e) {
      if (FirestoreErrors.hasStatus(e, Status.Code.ALREADY_EXISTS)) {
        DocumentSnapshot existing = read(document, "claim check", tenant, messageId);
        return isOwnClaim(existing, claimId, tenant, messageId)
            || takeover.tryTakeOver(existing, fields, tenant, messageId);
      }
      throw failure("claim", tenant, messageId, e);
    }
  }

  /**
   * Records the state a claimed message reached.
   *
   * @param reason short reason code, for example "auto_submitted"; null is stored as ""
   * @throws LedgerException if the message was never claimed or Firestore fails
   */
  @Override
  public void recordOutcome(String tenant, String messageId, LedgerState state, String reason) {
    Objects.requireNonNull(state, "state");
    DocumentReference document = LedgerPaths.message(firestore, tenant, messageId);
    Map<String, Object> fields = new HashMap<>();
    fields.put(LedgerFields.STATE, state.storedValue());
    fields.put(LedgerFields.REASON, reason == null ? "" : reason);
    fields.put(LedgerFields.UPDATED_AT, LedgerFields.now(clock));
    try {
      calls.call("recordOutcome", tenant, messageId, () -> document.update(fields));
      log.info("Recorded state {} ({}) of message {} of tenant {}",
          state.storedValue(), fields.get(LedgerFields.REASON), messageId, tenant);
    } catch (RuntimeException e) {
      if (FirestoreErrors.hasStatus(e, Status.Code.NOT_FOUND)) {
        throw new LedgerException("cannot record state " + state.storedValue() + " of message "
            + messageId + " of tenant " + tenant + ": the message was never claimed", e);
      }
      throw failure("recordOutcome", tenant, messageId, e);
    }
  }

  @Override
  public Optional<LedgerState> state(String tenant, String messageId) {
    return find(tenant, messageId).map(LedgerEntry::state);
  }

  /**
   * Reads the ledger entry of a message.
   *
   * @return the entry, or empty if the message was never claimed
   */
  public Optional<LedgerEntry> find(String tenant, String messageId) {
    DocumentReference document = LedgerPaths.message(firestore, tenant, messageId);
    DocumentSnapshot snapshot = read(document, "find", tenant, messageId);
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    return Optional.of(toEntry(snapshot));
  }

  /**
   * Reads the Gmail history id up to which a mailbox was processed.
   *
   * @return the history id, or empty before the first {@link #storeCursor}
   */
  public Optional<BigInteger> cursor(String tenant, String mailbox) {
    return cursors.read(tenant, mailbox);
  }

  /**
   * Moves a mailbox's cursor forward to {@code historyId}. The cursor never moves backwards.
   *
   * @return true if the stored cursor changed, false if it was already at or past historyId
   */
  public boolean storeCursor(String tenant, String mailbox, BigInteger historyId) {
    return cursors.store(tenant, mailbox, historyId);
  }

  /**
   * Deletes the claim of a message that failed before anything was sent, so that the next
   * delivery of its notification claims it again. Deleting a missing claim is not an error.
   *
   * @throws LedgerException if Firestore fails
   */
  @Override
  public void releaseClaim(String tenant, String messageId) {
    DocumentReference document = LedgerPaths.message(firestore, tenant, messageId);
    try {
      calls.call("releaseClaim", tenant, messageId, document::delete);
      log.info("Released the claim of message {} of tenant {}", messageId, tenant);
    } catch (RuntimeException e) {
      throw failure("releaseClaim", tenant, messageId, e);
    }
  }

  private Map<String, Object> claimFields(
      String tenant, String messageId, String mailbox, String claimId) {
    Timestamp now = LedgerFields.now(clock);
    Map<String, Object> fields = new HashMap<>();
    fields.put(LedgerFields.TENANT, tenant);
    fields.put(LedgerFields.MESSAGE_ID, messageId);
    fields.put(LedgerFields.MAILBOX, LedgerPaths.normalizeAddress(mailbox));
    fields.put(LedgerFields.STATE, LedgerState.CLAIMED.storedValue());
    fields.put(LedgerFields.REASON, "");
    fields.put(LedgerFields.CLAIM_ID, claimId);
    fields.put(LedgerFields.CLAIMED_AT, now);
    fields.put(LedgerFields.UPDATED_AT, now);
    return fields;
  }

  /**
   * Tells a duplicate from a retried create whose first attempt was committed although its
   * response was lost: only the latter stored this call's claim id.
   */
  private static boolean isOwnClaim(
      DocumentSnapshot snapshot, String claimId, String tenant, String messageId) {
    if (claimId.equals(snapshot.getString(LedgerFields.CLAIM_ID))) {
      log.info("Claimed message {} of tenant {} on a retried create", messageId, tenant);
      return true;
    }
    return false;
  }

  private static Duration requirePositive(Duration claimTtl) {
    Objects.requireNonNull(claimTtl, "claimTtl");
    if (claimTtl.isNegative() || claimTtl.isZero()) {
      throw new IllegalArgumentException("claimTtl must be positive, got " + claimTtl);
    }
    return claimTtl;
  }

  private DocumentSnapshot read(
      DocumentReference document, String operation, String tenant, String messageId) {
    try {
      return calls.call(operation, tenant, messageId, document::get);
    } catch (RuntimeException e) {
      throw failure(operation, tenant, messageId, e);
    }
  }

  private static LedgerEntry toEntry(DocumentSnapshot snapshot) {
    return new LedgerEntry(
        snapshot.getString(LedgerFields.TENANT),
        snapshot.getString(LedgerFields.MESSAGE_ID),
        snapshot.getString(LedgerFields.MAILBOX),
        LedgerState.fromStoredValue(snapshot.getString(LedgerFields.STATE)),
        snapshot.getString(LedgerFields.REASON),
        LedgerFields.toInstant(snapshot.getTimestamp(LedgerFields.CLAIMED_AT)),
        LedgerFields.toInstant(snapshot.getTimestamp(LedgerFields.UPDATED_AT)));
  }

  static LedgerException failure(String operation, String tenant, String key, RuntimeException e) {
    if (e instanceof LedgerException ledgerError) {
      return ledgerError;
    }
    log.warn("Firestore {} failed for tenant {} key {}: {}", operation, tenant, key, e.toString());
    return new LedgerException(
        "Firestore " + operation + " failed for tenant " + tenant + " key " + key + ": "
            + e.getMessage(), e);
  }
}
