package dev.autoreply.worker.mailbox;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * State of the watch renewal of one mailbox, shared by all replicas of a tenant through one
 * Firestore document. A replica first claims a renewal, then calls users.watch, then confirms
 * the claim with the watch's expiry.
 *
 * @param claimId random id of the last claim, so a replica can recognize its own write
 * @param claimedAt when the last claim was written
 * @param confirmedClaimId the claim whose users.watch call succeeded last, or null before the
 *     first success
 * @param renewedAt when the last successful users.watch call returned, or null
 * @param expiresAt expiration of the last successful watch, or null
 * @param historyId history id of the last successful watch, or null
 * @param topicName Pub/Sub topic of the last successful watch, or null
 * @param labelIds label ids of the last successful watch, empty before the first
 */
public record WatchLease(String claimId, Instant claimedAt, String confirmedClaimId,
    Instant renewedAt, Instant expiresAt, BigInteger historyId, String topicName,
    List<String> labelIds) {

  public WatchLease {
    Objects.requireNonNull(claimId, "claimId");
    Objects.requireNonNull(claimedAt, "claimedAt");
    labelIds = labelIds == null ? List.of() : List.copyOf(labelIds);
  }

  /** Returns true once users.watch succeeded for the last claim. */
  public boolean confirmed() {
    return claimId.equals(confirmedClaimId) && renewedAt != null;
  }

  /**
   * Returns when the next renewal may be claimed: {@code renewalPeriod} after the last successful
   * call, or {@code retryDelay} after a claim that was not confirmed. A confirmed watch of
   * another topic or other labels is due at once, so a settings change takes effect.
   *
   * <p>NOTE: while replicas with old and new settings run side by side during a rollout, each
   * replica treats the other's watch as a mismatch, so the watch may switch topics once per
   * check interval until the old replicas stop.
   */
  public Instant nextRenewalAt(WatchSettings settings) {
    if (!confirmed()) {
      return claimedAt.plus(settings.retryDelay());
    }
    if (!settings.topicName().equals(topicName) || !settings.labelIds().equals(labelIds)) {
      return claimedAt;
    }
    return renewedAt.plus(settings.renewalPeriod());
  }

  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }
}
