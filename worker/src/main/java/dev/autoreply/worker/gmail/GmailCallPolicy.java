package dev.autoreply.worker.gmail;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry and circuit breaker settings of the calls to Gmail for one mailbox.
 *
 * @param maxAttempts attempts of one call, including the first
 * @param initialBackoff wait before the first retry when Gmail sends no Retry-After header
 * @param backoffMultiplier growth of the wait from one retry to the next
 * @param jitterFactor random share of each wait, from 0 (none) to 1, so that workers spread out
 * @param maxBackoff upper bound of one computed wait
 * @param maxRetryAfter upper bound of a wait that Gmail requests with Retry-After
 * @param failureRatePercent failure rate that opens the circuit breaker, 1 to 100
 * @param slidingWindowCalls calls over which the failure rate is measured
 * @param minimumCalls calls needed before the failure rate is evaluated
 * @param openStateWait time the breaker stays open before it lets trial calls through
 */
public record GmailCallPolicy(
    int maxAttempts,
    Duration initialBackoff,
    double backoffMultiplier,
    double jitterFactor,
    Duration maxBackoff,
    Duration maxRetryAfter,
    float failureRatePercent,
    int slidingWindowCalls,
    int minimumCalls,
    Duration openStateWait) {

  public GmailCallPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(openStateWait, "openStateWait");
    if (jitterFactor < 0 || jitterFactor >= 1) {
      throw new IllegalArgumentException("jitterFactor must be in [0, 1), got " + jitterFactor);
    }
  }

  /**
   * Returns the production settings. A call gets 5 attempts, with waits from 500 ms doubling up
   * to 30 s with 50 % jitter, and Retry-After honoured up to 60 s. The breaker opens for 30 s
   * when 50 % of the last 20 calls failed.
   */
  public static GmailCallPolicy defaults() {
    return new GmailCallPolicy(
        5,
        Duration.ofMillis(500),
        2.0,
        0.5,
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        50f,
        20,
        10,
        Duration.ofSeconds(30));
  }

  /** Returns a copy with other retry waits, e.g. short ones for tests. */
  public GmailCallPolicy withBackoff(Duration initial, Duration max) {
    return new GmailCallPolicy(maxAttempts, initial, backoffMultiplier, jitterFactor, max,
        maxRetryAfter, failureRatePercent, slidingWindowCalls, minimumCalls, openStateWait);
  }
}
