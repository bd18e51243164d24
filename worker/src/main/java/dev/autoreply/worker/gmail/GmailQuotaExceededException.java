package dev.autoreply.worker.gmail;

import java.io.IOException;
import java.time.Duration;

/**
 * Raised without calling Gmail when a mailbox's {@link GmailQuota} has no free units for a call
 * within its maximum wait. The failure is transient: the call never reached Gmail, so a later
 * attempt, e.g. after a Pub/Sub redelivery, may run it, including messages.send.
 */
public final class GmailQuotaExceededException extends IOException {

  private final String mailbox;
  private final String operation;

  public GmailQuotaExceededException(String mailbox, String operation, String target, int units,
      int unitsPerSecond, Duration maxWait) {
    super("Gmail " + operation + " for mailbox " + mailbox + " (" + target + ") not attempted: "
        + units + " quota units are not free within " + maxWait.toMillis() + " ms at the limit of "
        + unitsPerSecond + " units per second; retry later");
    this.mailbox = mailbox;
    this.operation = operation;
  }

  public String mailbox() {
    return mailbox;
  }

  public String operation() {
    return operation;
  }
}
