package dev.autoreply.worker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.testing.FirestoreEmulator;
import io.grpc.Status;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplyLedgerEmulatorTest {

  @RegisterExtension
  static final FirestoreEmulator EMULATOR = new FirestoreEmulator();

  private static final String TENANT = "shop-a/support";
  private static final String MAILBOX = "help@shop-a.example";
  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123456Z");

  private Firestore firestore;
  private ReplyLedger ledger;

  @BeforeEach
  void connect(TestInfo test) {
    String projectId = "ledger-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    firestore = EMULATOR.firestore(projectId);
    ledger = new ReplyLedger(firestore, ReplyLedger.retry(3, Duration.ofMillis(10)),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void disconnect() throws Exception {
    firestore.close();
  }

  @Test
  void emulatorRejectsSecondCreateWithAlreadyExists() throws Exception {
    var document = firestore.collection("probe").document("one");
    document.create(Map.of("n", 1)).get();

    assertThatThrownBy(() -> document.create(Map.of("n", 2)).get())
        .isInstanceOf(ExecutionException.class)
        .satisfies(e -> assertThat(FirestoreErrors.statusCode(e))
            .contains(Status.Code.ALREADY_EXISTS));
  }

  @Test
  void claimTwiceReturnsTrueThenFalse() {
    assertThat(ledger.claim(TENANT, "18f0a1b2c3d4e5f6", MAILBOX)).isTrue();
    assertThat(ledger.claim(TENANT, "18f0a1b2c3d4e5f6", MAILBOX)).isFalse();
  }

  @Test
  void concurrentClaimsHaveOneWinner() throws Exception {
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return ledger.claim(TENANT, "18f0000000000abc", MAILBOX);
      }));
    }
    start.countDown();

    AtomicInteger winners = new AtomicInteger();
    for (Future<Boolean> result : results) {
      if (result.get()) {
        winners.incrementAndGet();
      }
    }
    pool.shutdown();

    assertThat(winners.get()).isEqualTo(1);
  }

  @Test
  void claimStoresClaimedEntry() {
    ledger.claim(TENANT, "18f0a1", "Help@Shop-A.example");

    LedgerEntry entry = ledger.find(TENANT, "18f0a1").orElseThrow();

    assertThat(entry).isEqualTo(new LedgerEntry(
        TENANT, "18f0a1", MAILBOX, LedgerState.CLAIMED, "", NOW, NOW));
  }

  @Test
  void recordOutcomeRoundTrip() {
    ledger.claim(TENANT, "18f0a2", MAILBOX);
    Instant later = NOW.plusSeconds(42);
    ReplyLedger laterLedger = new ReplyLedger(firestore, ReplyLedger.retry(3, Duration.ofMillis(10)),
        Clock.fixed(later, ZoneOffset.UTC));

    laterLedger.recordOutcome(TENANT, "18f0a2", LedgerState.REVIEW, "model_blocked");

    LedgerEntry entry = ledger.find(TENANT, "18f0a2").orElseThrow();
    assertThat(entry.tenant()).isEqualTo(TENANT);
    assertThat(entry.messageId()).isEqualTo("18f0a2");
    assertThat(entry.mailbox()).isEqualTo(MAILBOX);
    assertThat(entry.state()).isEqualTo(LedgerState.REVIEW);
    assertThat(entry.reason()).isEqualTo("model_blocked");
    assertThat(entry.claimedAt()).isEqualTo(NOW);
    assertThat(entry.updatedAt()).isEqualTo(later);
  }

  @Test
  void stateIsStoredInLowerCase() throws Exception {
    ledger.claim(TENANT, "18f0a3", MAILBOX);
    ledger.recordOutcome(TENANT, "18f0a3", LedgerState.SENT, null);

    DocumentSnapshot raw = firestore.collection("tenants").document("shop-a%2Fsupport")
        .collection("messages").document("18f0a3").get().get();

    assertThat(raw.getString("state")).isEqualTo("sent");
    assertThat(raw.getString("reason")).isEmpty();
    assertThat(raw.getString("tenant")).isEqualTo(TENANT);
  }

  @Test
  void recordOutcomeOfUnclaimedMessageFails() {
    assertThatThrownBy(() -> ledger.recordOutcome(TENANT, "never", LedgerState.SENT, "x"))
        .isInstanceOf(LedgerException.class)
        .hasMessageContaining("never claimed");
  }

  @Test
  void findOfUnknownMessageIsEmpty() {
    assertThat(ledger.find(TENANT, "unknown")).isEmpty();
  }

  @Test
  void tenantsWithSameMessageIdDoNotCollide() {
    assertThat(ledger.claim("shop-a/support", "18f0same", MAILBOX)).isTrue();
    assertThat(ledger.claim("shop-b/support", "18f0same", "help@shop-b.example")).isTrue();

    ledger.recordOutcome("shop-a/support", "18f0same", LedgerState.SENT, "");

    assertThat(ledger.find("shop-a/support", "18f0same").orElseThrow().state())
        .isEqualTo(LedgerState.SENT);
    assertThat(ledger.find("shop-b/support", "18f0same").orElseThrow().state())
        .isEqualTo(LedgerState.CLAIMED);
    assertThat(ledger.find("shop-b/support", "18f0same").orElseThrow().mailbox())
        .isEqualTo("help@shop-b.example");
  }

  @Test
  void cursorIsEmptyBeforeFirstStore() {
    assertThat(ledger.cursor(TENANT, MAILBOX)).isEmpty();
  }

  @Test
  void cursorNeverMovesBackwards() {
    assertThat(ledger.storeCursor(TENANT, MAILBOX, BigInteger.valueOf(1000))).isTrue();
    assertThat(ledger.storeCursor(TENANT, MAILBOX, BigInteger.valueOf(1500))).isTrue();
    assertThat(ledger.storeCursor(TENANT, MAILBOX, BigInteger.valueOf(1200))).isFalse();
    assertThat(ledger.storeCursor(TENANT, MAILBOX, BigInteger.valueOf(1500))).isFalse();

    assertThat(ledger.cursor(TENANT, MAILBOX)).contains(BigInteger.valueOf(1500));
  }

  @Test
  void cursorKeepsUnsigned64BitHistoryIds() {
    BigInteger large = new BigInteger("18446744073709551000");

    ledger.storeCursor(TENANT, MAILBOX, large);

    assertThat(ledger.cursor(TENANT, MAILBOX)).contains(large);
  }

  @Test
  void cursorsArePerTenantAndMailbox() {
    ledger.storeCursor("shop-a/support", MAILBOX, BigInteger.valueOf(10));
    ledger.storeCursor("shop-b/support", MAILBOX, BigInteger.valueOf(20));
    ledger.storeCursor("shop-a/support", "sales@shop-a.example", BigInteger.valueOf(30));

    assertThat(ledger.cursor("shop-a/support", MAILBOX)).contains(BigInteger.TEN);
    assertThat(ledger.cursor("shop-b/support", MAILBOX)).contains(BigInteger.valueOf(20));
    assertThat(ledger.cursor("shop-a/support", "sales@shop-a.example"))
        .isEqualTo(Optional.of(BigInteger.valueOf(30)));
  }
}
