package dev.autoreply.worker.gmail;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * Result of a users.watch call. Gmail publishes the mailbox's changes to the topic until
 * {@code expiration}, unless users.watch is called again before then.
 *
 * @param historyId the mailbox history id when the watch started
 * @param expiration when Gmail stops publishing, about 7 days after the call
 */
public record GmailWatch(BigInteger historyId, Instant expiration) {

  public GmailWatch {
    Objects.requireNonNull(historyId, "historyId");
    Objects.requireNonNull(expiration, "expiration");
  }
}
