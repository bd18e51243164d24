package dev.autoreply.worker.mail;

/**
 * Reason a message goes to a person instead of getting an automatic reply. {@link #code()} values are
 * stable lower_snake labels for metrics and logs.
 */
public enum ReviewReason {
  /** The parser could not decode the headers or any text part. */
  UNDECODABLE("undecodable"),
  /** The raw message is larger than the configured maximum size. */
  OVERSIZED("oversized"),
  /** The message contains no text to reply to, e.g. it is only an image. */
  NO_TEXT("no_text");

  private final String code;

  ReviewReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
