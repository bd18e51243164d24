package dev.autoreply.worker.gmail;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * Result of one history scan of a mailbox.
 *
 * @param addedMessageIds ids of the messages added to INBOX, oldest first, each id once
 * @param historyId the newest history id that Gmail returned, the start of the next scan
 */
public record HistoryDelta(List<String> addedMessageIds, BigInteger historyId) {

  public HistoryDelta {
    addedMessageIds = List.copyOf(addedMessageIds);
    Objects.requireNonNull(historyId, "historyId");
  }
}
