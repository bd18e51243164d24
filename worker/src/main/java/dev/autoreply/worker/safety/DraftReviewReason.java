package dev.autoreply.worker.safety;

/**
 * Reason a drafted reply goes to a person instead of being sent. {@link #code()} values are stable
 * lower_snake labels for metrics, logs and the ledger.
 */
public enum DraftReviewReason {
  /** The reply has no text, or only the signature and a few characters. */
  EMPTY_REPLY("empty_reply"),
  /** The reply quotes the tenant's instructions or talks about its own instructions or prompt. */
  INSTRUCTIONS_LEAK("instructions_leak"),
  /** The reply names an email address that is neither a recipient nor one of the tenant's. */
  FOREIGN_ADDRESS("foreign_address"),
  /** The reply links to a host that the tenant's instructions, signature or mailboxes do not name. */
  FOREIGN_LINK("foreign_link");

  private final String code;

  DraftReviewReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
