package dev.autoreply.worker.observability;

import java.util.Locale;

/** Value of the {@code outcome} label of {@code autoreply_messages_total}. */
public enum MessageOutcome {
  REPLIED,
  SKIPPED,
  REVIEW,
  FAILED,
  /** The ledger already had the message, so this delivery was dropped. */
  DUPLICATE;

  public String labelValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
