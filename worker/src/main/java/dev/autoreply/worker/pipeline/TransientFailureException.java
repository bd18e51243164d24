package dev.autoreply.worker.pipeline;

/**
 * A mail could not be processed now but may succeed later (model or Gmail unavailable). The claim
 * has been released, so the notification must be redelivered rather than acknowledged.
 */
public class TransientFailureException extends RuntimeException {

  public TransientFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
