package dev.autoreply.worker.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tests of {@link GmailQuota} on a manual clock, so that no real time passes. */
class GmailQuotaTest {

  private static final String MAILBOX = "support@example.com";
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final AtomicLong now = new AtomicLong(0);
  private final List<Long> sleeps = new ArrayList<>();
  /** Sleeps by moving the manual clock forward. */
  private final GmailQuota.Sleeper advancingSleeper = nanos -> {
    sleeps.add(nanos);
    now.addAndGet(nanos);
  };

  @Test
  void sendsBeyondFirstSecondAreRejectedWithoutWait() throws Exception {
    GmailQuota quota = new GmailQuota(MAILBOX, 200, Duration.ZERO, now::get, advancingSleeper);

    quota.acquire("messages.send", "reply 1");
    quota.acquire("messages.send", "reply 2");

    assertThatThrownBy(() -> quota.acquire("messages.send", "reply 3"))
        .isInstanceOf(GmailQuotaExceededException.class)
        .hasMessage("Gmail messages.send for mailbox support@example.com (reply 3) not attempted:"
            + " 100 quota units are not free within 0 ms at the limit of 200 units per second;"
            + " retry later");
    assertThat(quota.rejectedCalls()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void rejectedCallReservesNothing() throws Exception {
    GmailQuota quota = new GmailQuota(MAILBOX, 200, Duration.ZERO, now::get, advancingSleeper);
    quota.acquire("messages.send", "reply 1");
    quota.acquire("messages.get", "message 1");

    assertThatThrownBy(() -> quota.acquire("messages.send", "reply 2"))
        .isInstanceOf(GmailQuotaExceededException.class);

    for (int i = 0; i < 19; i++) {
      quota.acquire("messages.get", "message " + i);
    }
    assertThatThrownBy(() -> quota.acquire("users.getProfile", "profile"))
        .isInstanceOf(GmailQuotaExceededException.class);
    assertThat(quota.rejectedCalls()).isEqualTo(2);
  }

  @Test
  void sendsAreSpacedOneSecondPerTwo() throws Exception {
    GmailQuota quota = new GmailQuota(MAILBOX, 200, Duration.ofSeconds(5), now::get,
        advancingSleeper);
    List<Long> startTimes = new ArrayList<>();

    for (int i = 0; i < 6; i++) {
      quota.acquire("messages.send", "reply " + i);
      startTimes.add(now.get());
    }

    assertThat(startTimes).containsExactly(0L, 0L, SECOND, SECOND, 2 * SECOND, 2 * SECOND);
    assertThat(sleeps).containsExactly(SECOND, SECOND);
    assertThat(quota.rejectedCalls()).isZero();
  }

  @Test
  void callsWithinLimitDoNotWait() throws Exception {
    GmailQuota quota = new GmailQuota(MAILBOX, 200, Duration.ofSeconds(5), now::get,
        advancingSleeper);

    for (int i = 0; i < 40; i++) {
      quota.acquire("messages.get", "message " + i);
    }

    assertThat(sleeps).isEmpty();
  }

  @Test
  void unitsLeaveWindowAfterOneSecond() throws Exception {
    GmailQuota quota = new GmailQuota(MAILBOX, 100, Duration.ZERO, now::get, advancingSleeper);
    quota.acquire("messages.send", "reply 1");

    now.set(SECOND - 1);
    assertThatThrownBy(() -> quota.acquire("users.getProfile", "profile"))
        .isInstanceOf(GmailQuotaExceededException.class);

    now.set(SECOND);
    quota.acquire("messages.send", "reply 2");
    assertThat(quota.rejectedCalls()).isEqualTo(1);
  }

  @Test
  void waitBeyondMaxWaitIsRejected() throws Exception {
    GmailQuota quota = new GmailQuota(MAILBOX, 100, Duration.ofMillis(500), now::get,
        advancingSleeper);
    quota.acquire("messages.send", "reply 1");

    assertThatThrownBy(() -> quota.acquire("messages.send", "reply 2"))
        .isInstanceOf(GmailQuotaExceededException.class);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void interruptDuringWaitRaisesInterruptedIo() throws Exception {
    GmailQuota quota = new GmailQuota(MAILBOX, 100, Duration.ofSeconds(5), now::get,
        nanos -> {
          throw new InterruptedException("test");
        });
    quota.acquire("messages.send", "reply 1");

    assertThatThrownBy(() -> quota.acquire("messages.send", "reply 2"))
        .isInstanceOf(java.io.InterruptedIOException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void methodCostsMatchGmailTable() {
    assertThat(GmailQuota.unitsOf("users.getProfile")).isEqualTo(1);
    assertThat(GmailQuota.unitsOf("history.list")).isEqualTo(2);
    assertThat(GmailQuota.unitsOf("messages.get")).isEqualTo(5);
    assertThat(GmailQuota.unitsOf("messages.list")).isEqualTo(5);
    assertThat(GmailQuota.unitsOf("threads.get")).isEqualTo(10);
    assertThat(GmailQuota.unitsOf("drafts.create")).isEqualTo(10);
    assertThat(GmailQuota.unitsOf("messages.send")).isEqualTo(100);
    assertThat(GmailQuota.unitsOf("users.watch")).isEqualTo(100);
  }

  @Test
  void unknownOperationIsRejected() {
    assertThatThrownBy(() -> GmailQuota.unitsOf("messages.trash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'messages.trash'");
  }

  @Test
  void limitBelowSendCostIsRejected() {
    assertThatThrownBy(() -> new GmailQuota(MAILBOX, 20, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Gmail units per second must be at least 100, the cost of messages.send,"
            + " got 20");
  }

  @Test
  void defaultsStayBelowGmailLimit() {
    GmailQuota quota = GmailQuota.defaults(MAILBOX);

    assertThat(quota.unitsPerSecond()).isEqualTo(200);
    assertThat(quota.unitsPerSecond()).isLessThan(GmailQuota.GMAIL_UNITS_PER_USER_PER_SECOND);
    assertThat(quota.maxWait()).isEqualTo(Duration.ofSeconds(5));
  }
}
