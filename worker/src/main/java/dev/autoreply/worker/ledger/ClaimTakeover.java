package dev.autoreply.worker.ledger;

import com.google.cloud.firestore.DocumentReference;
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
 * worker that owns one likely died between the claim and the outcome. Of several workers that
 * find one expired claim, only the one that creates the takeover document named after the old
 * claim id takes it over: a create with the "must not exist" precondition, the same operation as
 * the claim itself. The rewrite of the claim then also requires the update time that was read,
 * so an owner that recorded its outcome meanwhile is not overwritten.
 *
 * <p>NOTE: the test emulator (@firestore-emulator/server 0.3.15) ignores the update-time
 * precondition but enforces the create precondition, so the tests cover concurrent takeovers
 * but not an outcome recorded between the read and the takeover.
 */
final class ClaimTakeover {

  private static final Logger log = LoggerFactory.getLogger(ClaimTakeover.class);
  private static final String TAKEOVERS = "takeovers";

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
    if (!winTakeover(existing, fields, tenant, messageId)) {
      log.info("Another worker took over the expired claim of message {} of tenant {} first",
          messageId, tenant);
      return false;
    }
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

  /** Creates the takeover document of the old claim; returns whether this worker created it. */
  private boolean winTakeover(
      DocumentSnapshot existing, Map<String, Object> fields, String tenant, String messageId) {
    String oldClaimId = existing.getString(LedgerFields.CLAIM_ID);
    DocumentReference takeover = existing.getReference().collection(TAKEOVERS)
        .document(DocumentIds.encode(oldClaimId == null ? "none" : oldClaimId));
    Object newClaimId = fields.get(LedgerFields.CLAIM_ID);
    try {
      calls.call("claim takeover token", tenant, messageId,
          () -> takeover.create(Map.of(LedgerFields.CLAIM_ID, newClaimId)));
      return true;
    } catch (RuntimeException e) {
      if (!FirestoreErrors.hasStatus(e, Status.Code.ALREADY_EXISTS)) {
        throw ReplyLedger.failure("claim takeover token", tenant, messageId, e);
      }
    }
    // A retried create of ours may find its own first attempt.
    DocumentSnapshot token = calls.call("claim takeover token check", tenant, messageId, takeover::get);
    return newClaimId.equals(token.getString(LedgerFields.CLAIM_ID));
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
