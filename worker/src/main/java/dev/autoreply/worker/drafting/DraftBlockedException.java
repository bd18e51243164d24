package dev.autoreply.worker.drafting;

/**
 * Raised when the model returned no reply that may be sent: no candidates, a blocked prompt,
 * empty text, or a finish reason other than STOP (SAFETY, MAX_TOKENS, RECITATION and others).
 * A person should answer the mail, so the caller records it for review.
 */
public class DraftBlockedException extends RuntimeException {

  private final String reason;

  public DraftBlockedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns a short reason code for logs, metrics and the ledger, e.g. "finish_safety". */
  public String reason() {
    return reason;
  }
}
