package dev.autoreply.worker.gmail;

import java.io.IOException;

/**
 * Raised without calling Gmail while the circuit breaker of a mailbox is open, because recent
 * calls for that mailbox failed with 429, 5xx or I/O errors.
 */
public final class GmailUnavailableException extends IOException {

  public GmailUnavailableException(String mailbox, String operation, Throwable cause) {
    super("Gmail " + operation + " for mailbox " + mailbox
        + " not attempted: circuit breaker is open after repeated failures", cause);
  }
}
