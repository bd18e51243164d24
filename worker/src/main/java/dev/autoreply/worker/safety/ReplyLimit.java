package dev.autoreply.worker.safety;

import java.time.Instant;

/**
 * At most one automatic reply per sender and thread within a period (RFC 3834 section 2). The
 * Firestore implementation is {@link SenderReplyLimiter}.
 */
public interface ReplyLimit {

  /** Takes the sender's reply in this thread; returns false when one was sent within the period. */
  boolean tryAcquire(String tenant, String sender, String threadKey, Instant now);

  /** Gives back a reply taken with {@link #tryAcquire} whose sending failed. */
  void release(String tenant, String sender, String threadKey);
}
