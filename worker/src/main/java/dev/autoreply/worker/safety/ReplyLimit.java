package dev.autoreply.worker.safety;

import java.time.Instant;

/**
 * At most one automatic reply per sender and thread within a period (RFC 3834 section 2). The
 * Firestore implementation is {@link SenderReplyLimiter}.
 */
public interface ReplyLimit {

  /**
   * Takes the sender's reply in this thread for the mail {@code messageId}; returns false when a
   * reply to another mail was taken within the period. Taking it again for the same mail
   * succeeds, so a retry of a mail whose first attempt died is not blocked by that attempt.
   */
  boolean tryAcquire(String tenant, String sender, String threadKey, String messageId, Instant now);

  /** Takes the sender's reply in this thread without naming the mail. */
  default boolean tryAcquire(String tenant, String sender, String threadKey, Instant now) {
    return tryAcquire(tenant, sender, threadKey, null, now);
  }

  /** Gives back a reply taken with {@link #tryAcquire} whose sending failed. */
  void release(String tenant, String sender, String threadKey);
}
