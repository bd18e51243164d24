package dev.autoreply.worker.drafting;

/**
 * Raised when no reply could be drafted because the model call failed: retries ran out, the
 * circuit breaker is open, or the request was rejected (for example 400 or 403).
 */
public class DraftFailedException extends RuntimeException {

  private final boolean transientFailure;

  public DraftFailedException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  /**
   * Returns true if the same request may succeed later (429, 5xx, timeouts, open circuit), so
   * the caller should leave the message for redelivery; false if it will fail again.
   */
  public boolean transientFailure() {
    return transientFailure;
  }
}
