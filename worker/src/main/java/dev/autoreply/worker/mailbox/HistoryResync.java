package dev.autoreply.worker.mailbox;

import dev.autoreply.worker.gmail.GmailMailbox;
import dev.autoreply.worker.gmail.HistoryDelta;
import dev.autoreply.worker.gmail.HistoryExpiredException;
import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.ledger.ReplyLedger;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full sync of one mailbox for when its history cursor has expired. Gmail keeps history for a
 * limited time, so history.list returns 404 for an old cursor. The resync then lists the recent
 * INBOX mail with messages.list and returns the messages that the ledger does not know yet or
 * that are still claimed without an outcome.
 */
public final class HistoryResync {

  private static final Logger log = LoggerFactory.getLogger(HistoryResync.class);

  private final String tenant;
  private final GmailMailbox mailbox;
  private final ReplyLedger ledger;
  private final Duration window;
  private final int maxMessages;

  /**
   * Creates the resync of one mailbox.
   *
   * @param tenant the tenant, "namespace/name", as the ledger keys it
   * @param window age of the oldest mail to list, rounded up to whole days, e.g. 7 days
   * @param maxMessages upper bound of the messages listed in one resync, newest mail first
   */
  public HistoryResync(String tenant, GmailMailbox mailbox, ReplyLedger ledger, Duration window,
      int maxMessages) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.window = Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1, got " + maxMessages);
    }
    this.maxMessages = maxMessages;
  }

  /**
   * Lists the messages added since {@code cursor} with history.list, or resyncs if Gmail no
   * longer keeps history from {@code cursor}.
   */
  public HistoryDelta listAddedSince(BigInteger cursor) throws IOException {
    try {
      return mailbox.listAddedSince(cursor);
    } catch (HistoryExpiredException expired) {
      log.warn("Gmail history of mailbox {} of tenant {} expired at cursor {}, resyncing",
          mailbox.address(), tenant, cursor);
      return resync();
    }
  }

  /**
   * Lists the INBOX mail of the window and returns the ids that the ledger has no entry for,
   * oldest first, with a new cursor. The cursor is read with users.getProfile before the listing,
   * so a message that arrives during the resync is in the listing, in the next history.list from
   * the cursor, or in both. The ledger claim drops such a duplicate.
   *
   * @throws dev.autoreply.worker.ledger.LedgerException if a ledger read fails
   */
  public HistoryDelta resync() throws IOException {
    log.info("Started the resync of mailbox {} of tenant {} over the last {}",
        mailbox.address(), tenant, window);
    BigInteger cursor = mailbox.currentHistoryId();
    List<String> listed = mailbox.listRecentInbox(window, maxMessages);
    if (listed.size() >= maxMessages) {
      log.warn("Resync of mailbox {} of tenant {} stopped at the limit of {} messages, so older"
          + " mail of the last {} was not checked", mailbox.address(), tenant, maxMessages,
          window);
    }
    // A message still in state claimed is returned too: its worker may have died, and the new
    // cursor must not pass it before its outcome is recorded.
    List<String> missing = new ArrayList<>();
    for (String messageId : listed) {
      Optional<LedgerState> state = ledger.find(tenant, messageId).map(LedgerEntry::state);
      if (state.isEmpty() || state.get() == LedgerState.CLAIMED) {
        missing.add(messageId);
      }
    }
    // messages.list returns the newest first, so the list is reversed to arrival order.
    Collections.reverse(missing);
    log.info("Finished the resync of mailbox {} of tenant {}: {} listed, {} without an outcome,"
        + " new cursor {}", mailbox.address(), tenant, listed.size(), missing.size(), cursor);
    return new HistoryDelta(missing, cursor);
  }
}
