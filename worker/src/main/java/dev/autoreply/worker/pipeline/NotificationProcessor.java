package dev.autoreply.worker.pipeline;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.worker.gmail.GmailMailbox;
import dev.autoreply.worker.gmail.GmailNotification;
import dev.autoreply.worker.gmail.HistoryDelta;
import dev.autoreply.worker.gmail.MessageNotFoundException;
import dev.autoreply.worker.gmail.RawMessage;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.ledger.ReplyLedger;
import dev.autoreply.worker.mailbox.HistoryResync;
import dev.autoreply.worker.observability.MessageOutcome;
import dev.autoreply.worker.observability.WorkerMetrics;
import dev.autoreply.worker.pubsub.NotificationHandler;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Gmail push notification into decisions on the mailbox's new mail. The notification's
 * historyId is only a hint: the mailbox's history is always listed from the stored cursor, and
 * the cursor moves only after every listed message has its outcome in the ledger. Duplicate,
 * stale and out-of-order notifications therefore find nothing new, or only claimed messages.
 */
public final class NotificationProcessor implements NotificationHandler {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationProcessor.class);

  // Gmail keeps history for at least a week, so a cursor that expired is at least that old.
  private static final Duration RESYNC_WINDOW = Duration.ofDays(8);
  private static final int RESYNC_MAX_MESSAGES = 5000;

  private final WorkerSettings settings;
  private final Map<String, GmailMailbox> mailboxes;
  private final ReplyLedger ledger;
  private final ReplyWorkflow workflow;
  private final WorkerMetrics metrics;
  private final Clock clock;
  private volatile Consumer<String> notificationListener = address -> { };

  /**
   * @param mailboxes the tenant's mailboxes by lower-case address
   */
  public NotificationProcessor(
      WorkerSettings settings,
      Map<String, GmailMailbox> mailboxes,
      ReplyLedger ledger,
      ReplyWorkflow workflow,
      WorkerMetrics metrics,
      Clock clock) {
    this.settings = settings;
    this.mailboxes = Map.copyOf(mailboxes);
    this.ledger = ledger;
    this.workflow = workflow;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Stores the mailbox's current history id as its cursor unless one is stored, so that the
   * first notification lists only mail that arrived after the worker started watching.
   */
  public void initializeCursors() throws IOException {
    for (GmailMailbox mailbox : mailboxes.values()) {
      Optional<BigInteger> stored = readCursor(mailbox);
      if (stored.isPresent()) {
        LOG.info("tenant {} mailbox {}: resuming from history id {}",
            settings.tenant(), mailbox.address(), stored.get());
        continue;
      }
      BigInteger current = mailbox.currentHistoryId();
      storeCursor(mailbox, current);
      LOG.info("tenant {} mailbox {}: starting from history id {}",
          settings.tenant(), mailbox.address(), current);
    }
  }

  @Override
  public void handle(GmailNotification notification) throws IOException {
    notificationListener.accept(notification.emailAddress());
    process(notification);
  }

  /**
   * Lists and processes new mail of {@code address} as if a notification had arrived, for a
   * mailbox whose notifications stopped; errors are logged, and the next poll tries again.
   */
  public void poll(String address) {
    try {
      LOG.info("tenant {} mailbox {}: no notification for a while, polling", settings.tenant(), address);
      process(new GmailNotification(address, BigInteger.ZERO));
    } catch (IOException | RuntimeException e) {
      LOG.warn("tenant {} mailbox {}: poll failed, will poll again: {}", settings.tenant(), address, e.toString());
    }
  }

  /** Calls {@code listener} with the mailbox address of every notification before it is processed. */
  public void onNotification(Consumer<String> listener) {
    this.notificationListener = listener;
  }

  private void process(GmailNotification notification) throws IOException {
    Instant notifiedAt = clock.instant();
    GmailMailbox mailbox = mailboxes.get(notification.emailAddress());
    if (mailbox == null) {
      // Acknowledged: another tenant's mailbox on a shared topic can never be processed here.
      LOG.warn("tenant {}: notification for mailbox {} that this tenant does not answer; "
          + "check the Pub/Sub subscription of the tenant", settings.tenant(), notification.emailAddress());
      metrics.countNotification("unknown_mailbox");
      return;
    }

    BigInteger cursor = readCursor(mailbox).orElse(notification.historyId());
    HistoryDelta delta = listHistory(mailbox, cursor);
    // A mail that must be retried keeps the cursor where it is, but the mail after it is still
    // processed now; the retry finds those as duplicates.
    TransientFailureException retry = null;
    for (String messageId : delta.addedMessageIds()) {
      try {
        processMessage(mailbox, messageId, notifiedAt);
      } catch (TransientFailureException e) {
        retry = retry == null ? e : retry;
      }
    }
    if (retry != null) {
      metrics.countNotification("retry");
      throw retry;
    }
    storeCursor(mailbox, delta.historyId());
    metrics.countNotification("processed");
  }

  /**
   * Lists the mail added since {@code cursor}; when Gmail no longer has that history (a cursor
   * older than about a week), lists recent inbox mail that the ledger does not know instead.
   */
  private HistoryDelta listHistory(GmailMailbox mailbox, BigInteger cursor) throws IOException {
    HistoryResync resync = new HistoryResync(
        settings.tenant(), mailbox, ledger, RESYNC_WINDOW, RESYNC_MAX_MESSAGES);
    return resync.listAddedSince(cursor);
  }

  private void processMessage(GmailMailbox mailbox, String messageId, Instant notifiedAt)
      throws IOException {
    if (hasOutcome(messageId)) {
      // Repeated and overlapping notifications list the same mail again; a ledger read is
      // cheaper than fetching it from Gmail, whose per-user quota it would spend.
      metrics.countMessage(MessageOutcome.DUPLICATE, "already_recorded");
      return;
    }
    RawMessage raw;
    try {
      raw = mailbox.fetchRaw(messageId);
    } catch (MessageNotFoundException e) {
      recordDeleted(mailbox, messageId);
      return;
    }
    workflow.process(new IncomingMessage(
        mailbox.address(), raw.id(), raw.threadId(), raw.rfc822(), notifiedAt));
  }

  private boolean hasOutcome(String messageId) {
    return ledger.find(settings.tenant(), messageId)
        .map(entry -> entry.state() != LedgerState.CLAIMED)
        .orElse(false);
  }

  private void recordDeleted(GmailMailbox mailbox, String messageId) {
    boolean claimed = CountingLedger.counted(metrics, "claim",
        () -> ledger.claim(settings.tenant(), messageId, mailbox.address()));
    if (!claimed) {
      return;
    }
    CountingLedger.counted(metrics, "record_outcome", () -> {
      ledger.recordOutcome(settings.tenant(), messageId, LedgerState.SKIPPED, "message_deleted");
      return null;
    });
    metrics.countMessage(MessageOutcome.SKIPPED, "message_deleted");
    LOG.info("tenant {} mailbox {} message {}: deleted before it was read, skipped",
        settings.tenant(), mailbox.address(), messageId);
  }

  private Optional<BigInteger> readCursor(GmailMailbox mailbox) {
    return CountingLedger.counted(metrics, "read_cursor",
        () -> ledger.cursor(settings.tenant(), mailbox.address()));
  }

  private void storeCursor(GmailMailbox mailbox, BigInteger historyId) {
    CountingLedger.counted(metrics, "store_cursor",
        () -> ledger.storeCursor(settings.tenant(), mailbox.address(), historyId));
  }
}
