package dev.autoreply.worker.gmail;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Raised when history.list returns 404 because the start history id is older than
 * the history Gmail keeps. The caller must resynchronize, e.g. from {@link
 * GmailMailbox#currentHistoryId()}.
 */
public final class HistoryExpiredException extends IOException {

  private final String mailbox;
  private final BigInteger startHistoryId;

  public HistoryExpiredException(String mailbox, BigInteger startHistoryId, Throwable cause) {
    super("Gmail history of mailbox " + mailbox + " no longer contains start history id "
        + startHistoryId + "; resynchronize from the current history id", cause);
    this.mailbox = mailbox;
    this.startHistoryId = startHistoryId;
  }

  public String mailbox() {
    return mailbox;
  }

  public BigInteger startHistoryId() {
    return startHistoryId;
  }
}
