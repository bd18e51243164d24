package dev.autoreply.worker.ledger;

import java.util.Locale;

/** Processing state of one Gmail message in the ledger; stored in lower case. */
public enum LedgerState {
  /** A worker took the message and has not recorded an outcome yet. */
  CLAIMED,
  /** The reply was sent in the thread. */
  SENT,
  /** The reply was saved as a Gmail draft (mode "draft"). */
  DRAFTED,
  /** A filter or the mode decided not to reply. */
  SKIPPED,
  /** A person must answer, for example because the model response was blocked. */
  REVIEW,
  /** Processing failed for good. */
  FAILED;

  /** Returns the value stored in the ledger document, for example {@code "sent"}. */
  public String storedValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a stored value.
   *
   * @throws IllegalArgumentException if {@code value} names no state
   */
  public static LedgerState fromStoredValue(String value) {
    for (LedgerState state : values()) {
      if (state.storedValue().equals(value)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown ledger state \"" + value + "\"");
  }
}
