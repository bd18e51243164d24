package dev.autoreply.worker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests of the takeover of expired claims in {@link ReplyLedger}. The emulator ignores the
 * update-time precondition, so only sequential claims are tested.
 */
class ReplyLedgerClaimExpiryEmulatorTest {

  @RegisterExtension
  static final FirestoreEmulator EMULATOR = new FirestoreEmulator();

  private static final String TENANT = "shop-a/support";
  private static final String MAILBOX = "help@shop-a.example";
  private static final String MESSAGE = "18f0a1b2c3d4e5f6";
  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123456Z");
  private static final Duration TTL = ReplyLedger.DEFAULT_CLAIM_TTL;

  private Firestore firestore;

  @BeforeEach
  void connect(TestInfo test) {
    String projectId = "expiry-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    firestore = EMULATOR.firestore(projectId);
  }

  @AfterEach
  void disconnect() throws Exception {
    firestore.close();
  }

  @Test
  void expiredClaimIsTakenOver() throws Exception {
    assertThat(ledgerAt(NOW).claim(TENANT, MESSAGE, MAILBOX)).isTrue();
    String firstClaimId = claimId();
    Instant later = NOW.plus(TTL).plusSeconds(1);

    assertThat(ledgerAt(later).claim(TENANT, MESSAGE, MAILBOX)).isTrue();

    LedgerEntry entry = ledgerAt(later).find(TENANT, MESSAGE).orElseThrow();
    assertThat(entry.state()).isEqualTo(LedgerState.CLAIMED);
    assertThat(entry.claimedAt()).isEqualTo(later);
    assertThat(entry.updatedAt()).isEqualTo(later);
    assertThat(entry.mailbox()).isEqualTo(MAILBOX);
    assertThat(claimId()).isNotEqualTo(firstClaimId);
  }

  @Test
  void takenOverClaimIsFreshAgain() {
    ledgerAt(NOW).claim(TENANT, MESSAGE, MAILBOX);
    Instant later = NOW.plus(TTL).plusSeconds(1);
    ledgerAt(later).claim(TENANT, MESSAGE, MAILBOX);

    assertThat(ledgerAt(later.plusSeconds(1)).claim(TENANT, MESSAGE, MAILBOX)).isFalse();
  }

  @Test
  void freshClaimIsNotTakenOver() {
    ledgerAt(NOW).claim(TENANT, MESSAGE, MAILBOX);

    assertThat(ledgerAt(NOW.plus(TTL).minusSeconds(1)).claim(TENANT, MESSAGE, MAILBOX)).isFalse();

    LedgerEntry entry = ledgerAt(NOW).find(TENANT, MESSAGE).orElseThrow();
    assertThat(entry.claimedAt()).isEqualTo(NOW);
  }

  @Test
  void claimExactlyTtlOldIsNotTakenOver() {
    ledgerAt(NOW).claim(TENANT, MESSAGE, MAILBOX);

    assertThat(ledgerAt(NOW.plus(TTL)).claim(TENANT, MESSAGE, MAILBOX)).isFalse();
  }

  @Test
  void sentMessageIsNeverTakenOver() {
    ReplyLedger first = ledgerAt(NOW);
    first.claim(TENANT, MESSAGE, MAILBOX);
    first.recordOutcome(TENANT, MESSAGE, LedgerState.SENT, "sent");

    assertThat(ledgerAt(NOW.plus(Duration.ofDays(30))).claim(TENANT, MESSAGE, MAILBOX)).isFalse();

    LedgerEntry entry = first.find(TENANT, MESSAGE).orElseThrow();
    assertThat(entry.state()).isEqualTo(LedgerState.SENT);
    assertThat(entry.reason()).isEqualTo("sent");
    assertThat(entry.claimedAt()).isEqualTo(NOW);
  }

  @Test
  void finalStatesAreNeverTakenOver() {
    Instant muchLater = NOW.plus(Duration.ofDays(30));
    for (LedgerState state : EnumSet.complementOf(EnumSet.of(LedgerState.CLAIMED))) {
      String messageId = "final-" + state.storedValue();
      ReplyLedger first = ledgerAt(NOW);
      first.claim(TENANT, messageId, MAILBOX);
      first.recordOutcome(TENANT, messageId, state, "reason");

      assertThat(ledgerAt(muchLater).claim(TENANT, messageId, MAILBOX))
          .as("claim of a message in state %s", state)
          .isFalse();
      assertThat(first.find(TENANT, messageId).orElseThrow().state())
          .as("state of the message in state %s", state)
          .isEqualTo(state);
    }
  }

  @Test
  void customTtlIsApplied() {
    Duration oneMinute = Duration.ofMinutes(1);
    ledgerAt(NOW, oneMinute).claim(TENANT, MESSAGE, MAILBOX);

    assertThat(ledgerAt(NOW.plusSeconds(59), oneMinute).claim(TENANT, MESSAGE, MAILBOX))
        .isFalse();
    assertThat(ledgerAt(NOW.plusSeconds(61), oneMinute).claim(TENANT, MESSAGE, MAILBOX))
        .isTrue();
  }

  @Test
  void takeoverCanRecordOutcome() {
    ledgerAt(NOW).claim(TENANT, MESSAGE, MAILBOX);
    ReplyLedger second = ledgerAt(NOW.plus(TTL).plusSeconds(1));
    second.claim(TENANT, MESSAGE, MAILBOX);

    second.recordOutcome(TENANT, MESSAGE, LedgerState.SENT, "sent");

    assertThat(second.find(TENANT, MESSAGE).orElseThrow().state()).isEqualTo(LedgerState.SENT);
  }

  @Test
  void nonPositiveTtlIsRejected() {
    assertThatThrownBy(() -> ledgerAt(NOW, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("claimTtl must be positive, got PT0S");
  }

  @Test
  void defaultTtlIsTenMinutes() {
    assertThat(new ReplyLedger(firestore).claimTtl()).isEqualTo(Duration.ofMinutes(10));
  }

  private ReplyLedger ledgerAt(Instant now) {
    return ledgerAt(now, TTL);
  }

  private ReplyLedger ledgerAt(Instant now, Duration ttl) {
    return new ReplyLedger(firestore, ReplyLedger.retry(3, Duration.ofMillis(10)),
        Clock.fixed(now, ZoneOffset.UTC), ttl);
  }

  private String claimId() throws Exception {
    DocumentSnapshot raw = firestore.collection("tenants").document("shop-a%2Fsupport")
        .collection("messages").document(MESSAGE).get().get();
    return raw.getString("claimId");
  }
}
