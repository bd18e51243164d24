package dev.autoreply.worker.ledger;

/**
 * Raised when a ledger call fails after its retries, or fails with a status that is not
 * retried. The caller should not ack the Pub/Sub message, so that it is delivered again.
 */
public class LedgerException extends RuntimeException {

  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
