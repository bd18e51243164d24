package dev.autoreply.worker.ledger;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Precondition;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over claims that stayed in state claimed for longer than the claim TTL, because the
 * worker that owns one likely died between the claim and the outcome. The takeover is a
 * compare-and-set: it rewrites the claim only if the document still has the update time that
 * was read, so of several workers that find one expired claim at most one takes it over.
 *
 * <p>NOTE: the test emulator (@firestore-emulator/server 0.3.15) ignores the update-time
 * precondition, so the tests check the sequential cases but cannot check two workers taking
 * over at the same moment. Production Firestore enforces the precondition.
 */
final class ClaimTakeover {

  private static final Logger log = LoggerFactory.getLogger(ClaimTakeover.class);

  private final FirestoreCalls calls;
  private final Clock clock;
  private final Duration claimTtl;

  ClaimTakeover(FirestoreCalls calls, Clock clock, Duration claimTtl) {
    this.calls = calls;
    this.clock = clock;
    this.claimTtl = claimTtl;
  }

  Duration claimTtl() {
    return claimTtl;
  }

  /**
   * Replaces {@code existing} with the new claim {@code fields} if it is an expired claim.
   *
   * @param fields the fields of the new claim, with this worker's claim id and times
   * @return true if this worker now owns the claim
   */
  boolean tryTakeOver(
      DocumentSnapshot existing, Map<String, Object> fields, String tenant, String messageId) {
    if (!existing.exists()) {
      // The holder released the claim after our create failed; its redelivery claims it again.
      log.info("Message {} of tenant {} was claimed and released meanwhile", messageId, tenant);
      return false;
    }
    String state = existing.getString(LedgerFields.STATE);
    Instant claimedAt = LedgerFields.toInstant(existing.getTimestamp(LedgerFields.CLAIMED_AT));
    if (!LedgerState.CLAIMED.storedValue().equals(state) || !isExpired(claimedAt)) {
      log.info("Message {} of tenant {} was already claimed, state {}, claimed at {}",
          messageId, tenant, state, claimedAt);
      return false;
    }
    return update(existing, fields, tenant, messageId, claimedAt);
  }

  /**
   * Checks the claim's age against the TTL. A claim without claimedAt never expires, because
   * this ledger did not write it.
   */
  private boolean isExpired(Instant claimedAt) {
    return claimedAt != null && claimedAt.plus(claimTtl).isBefore(clock.instant());
  }

  private boolean update(DocumentSnapshot existing, Map<String, Object> fields, String tenant,
      String messageId, Instant claimedAt) {
    Precondition unchanged = Precondition.updatedAt(existing.getUpdateTime());
    try {
      calls.call("claim takeover", tenant, messageId,
          () -> existing.getReference().update(fields, unchanged));
    } catch (RuntimeException e) {
      if (FirestoreErrors.hasStatus(e, Status.Code.FAILED_PRECONDITION)) {
        // Either another worker changed the claim first, or a retried update of ours saw the
        // update time that its own lost first attempt had written.
        return storedClaimIdIs(existing, fields, tenant, messageId);
      }
      throw ReplyLedger.failure("claim takeover", tenant, messageId, e);
    }
    log.warn("Took over the claim of message {} of tenant {} from claim {}, claimed at {},"
            + " which is older than the claim TTL of {}", messageId, tenant,
        existing.getString(LedgerFields.CLAIM_ID), claimedAt, claimTtl);
    return true;
  }

  private boolean storedClaimIdIs(
      DocumentSnapshot existing, Map<String, Object> fields, String tenant, String messageId) {
    DocumentSnapshot current;
    try {
      current = calls.call("claim takeover check", tenant, messageId,
          existing.getReference()::get);
    } catch (RuntimeException e) {
      throw ReplyLedger.failure("claim takeover check", tenant, messageId, e);
    }
    Object claimId = fields.get(LedgerFields.CLAIM_ID);
    if (claimId.equals(current.getString(LedgerFields.CLAIM_ID))) {
      log.warn("Took over the expired claim of message {} of tenant {} on a retried update",
          messageId, tenant);
      return true;
    }
    log.info("Another worker took over the expired claim of message {} of tenant {} first",
        messageId, tenant);
    return false;
  }
}
