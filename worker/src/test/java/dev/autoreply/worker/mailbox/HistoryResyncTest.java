package dev.autoreply.worker.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.gmail.GmailMailbox;
import dev.autoreply.worker.gmail.HistoryDelta;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.ledger.ReplyLedger;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeGmailServerRequest;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class HistoryResyncTest {

  @RegisterExtension
  static final FirestoreEmulator EMULATOR = new FirestoreEmulator();

  private static final String TENANT = "shop-a/support";
  private static final String MAILBOX = "help@shop-a.example";
  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123Z");
  private static final Duration WINDOW = Duration.ofDays(7);

  private final MutableClock clock = new MutableClock(NOW);
  private FakeGmailServer server;
  private Firestore firestore;
  private ReplyLedger ledger;
  private GmailMailbox gmail;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    server = FakeGmailServer.start();
    server.setClock(clock);
    String projectId = "resync-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    firestore = EMULATOR.firestore(projectId);
    ledger = new ReplyLedger(firestore, ReplyLedger.retry(3, Duration.ofMillis(10)), clock);
    gmail = GmailTestClients.mailbox(server, MAILBOX);
  }

  @AfterEach
  void stop() throws Exception {
    firestore.close();
    server.close();
  }

  @Test
  void expiredHistoryReturnsMessagesWithoutOutcome() throws Exception {
    server.deliver(MAILBOX, GmailTestClients.mail("too old"), null, NOW.minus(Duration.ofDays(8)));
    String answered = deliverHoursAgo("answered", 50);
    String missedFirst = deliverHoursAgo("missed first", 40);
    String skipped = deliverHoursAgo("skipped", 35);
    String claimed = deliverHoursAgo("claimed", 30);
    String missedSecond = deliverHoursAgo("missed second", 20);
    ledger.claim(TENANT, answered, MAILBOX);
    ledger.recordOutcome(TENANT, answered, LedgerState.SENT, "sent");
    ledger.claim(TENANT, skipped, MAILBOX);
    ledger.recordOutcome(TENANT, skipped, LedgerState.SKIPPED, "mailing_list");
    ledger.claim(TENANT, claimed, MAILBOX);
    server.setRetentionFloor(MAILBOX, server.historyId(MAILBOX));
    HistoryResync resync = new HistoryResync(TENANT, gmail, ledger, WINDOW, 500);

    HistoryDelta delta = resync.listAddedSince(FakeGmailServer.FIRST_HISTORY_ID);

    assertThat(delta.addedMessageIds()).containsExactly(missedFirst, claimed, missedSecond);
    assertThat(delta.historyId()).isEqualTo(server.historyId(MAILBOX));
  }

  @Test
  void cursorIsReadBeforeListing() throws Exception {
    deliverHoursAgo("one", 1);
    HistoryResync resync = new HistoryResync(TENANT, gmail, ledger, WINDOW, 500);

    resync.resync();

    List<String> paths = server.requests().stream().map(FakeGmailServerRequest::path).toList();
    assertThat(paths).containsExactly(
        "/gmail/v1/users/" + MAILBOX + "/profile",
        "/gmail/v1/users/" + MAILBOX + "/messages");
  }

  @Test
  void resyncCursorWorksWithHistoryList() throws Exception {
    deliverHoursAgo("before", 2);
    HistoryResync resync = new HistoryResync(TENANT, gmail, ledger, WINDOW, 500);
    BigInteger cursor = resync.resync().historyId();
    String after = deliverHoursAgo("after", 1);

    HistoryDelta next = resync.listAddedSince(cursor);

    assertThat(next.addedMessageIds()).containsExactly(after);
  }

  @Test
  void validCursorUsesHistoryOnly() throws Exception {
    String fresh = deliverHoursAgo("fresh", 1);
    HistoryResync resync = new HistoryResync(TENANT, gmail, ledger, WINDOW, 500);

    HistoryDelta delta = resync.listAddedSince(FakeGmailServer.FIRST_HISTORY_ID);

    assertThat(delta.addedMessageIds()).containsExactly(fresh);
    assertThat(server.requestCount("GET", "/messages")).isZero();
    assertThat(server.requestCount("GET", "/profile")).isZero();
  }

  @Test
  void resyncStopsAtMaxMessagesNewestFirst() throws Exception {
    deliverHoursAgo("oldest", 3);
    String middle = deliverHoursAgo("middle", 2);
    String newest = deliverHoursAgo("newest", 1);
    HistoryResync resync = new HistoryResync(TENANT, gmail, ledger, WINDOW, 2);

    HistoryDelta delta = resync.resync();

    assertThat(delta.addedMessageIds()).containsExactly(middle, newest);
  }

  @Test
  void resyncOfAnsweredMailboxIsEmpty() throws Exception {
    String answered = deliverHoursAgo("answered", 1);
    ledger.claim(TENANT, answered, MAILBOX);
    ledger.recordOutcome(TENANT, answered, LedgerState.SENT, "sent");
    HistoryResync resync = new HistoryResync(TENANT, gmail, ledger, WINDOW, 500);

    HistoryDelta delta = resync.resync();

    assertThat(delta.addedMessageIds()).isEmpty();
    assertThat(delta.historyId()).isEqualTo(BigInteger.valueOf(1001));
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> new HistoryResync(TENANT, gmail, ledger, Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be positive, got PT0S");
    assertThatThrownBy(() -> new HistoryResync(TENANT, gmail, ledger, WINDOW, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxMessages must be at least 1, got 0");
  }

  private String deliverHoursAgo(String subject, int hours) {
    return server.deliver(MAILBOX, GmailTestClients.mail(subject), null,
        NOW.minus(Duration.ofHours(hours)));
  }
}
