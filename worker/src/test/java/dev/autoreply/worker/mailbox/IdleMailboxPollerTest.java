package dev.autoreply.worker.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class IdleMailboxPollerTest {

  private static final String FIRST = "help@shop-a.example";
  private static final String SECOND = "billing@shop-a.example";
  private static final Duration IDLE = Duration.ofMinutes(10);
  private static final Duration CHECK = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T05:06:07Z"));
  private final List<String> polls = new CopyOnWriteArrayList<>();

  @Test
  void idleMailboxIsPolledOnce() {
    IdleMailboxPoller poller = poller(List.of(FIRST));
    clock.advance(IDLE);

    List<String> first = poller.pollIdleMailboxes();
    List<String> second = poller.pollIdleMailboxes();

    assertThat(first).containsExactly(FIRST);
    assertThat(second).isEmpty();
    assertThat(polls).containsExactly(FIRST);
  }

  @Test
  void mailboxIsNotPolledBeforeIdleTimeout() {
    IdleMailboxPoller poller = poller(List.of(FIRST));
    clock.advance(IDLE.minusSeconds(1));

    poller.pollIdleMailboxes();

    assertThat(polls).isEmpty();
  }

  @Test
  void notificationsKeepMailboxFromPolling() {
    IdleMailboxPoller poller = poller(List.of(FIRST));

    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofMinutes(5));
      poller.notificationReceived(FIRST);
      poller.pollIdleMailboxes();
    }

    assertThat(polls).isEmpty();
  }

  @Test
  void silentMailboxIsPolledOncePerIdleTimeout() {
    IdleMailboxPoller poller = poller(List.of(FIRST));

    for (int minute = 1; minute <= 25; minute++) {
      clock.advance(CHECK);
      poller.pollIdleMailboxes();
    }

    assertThat(polls).containsExactly(FIRST, FIRST);
  }

  @Test
  void onlyIdleMailboxIsPolled() {
    IdleMailboxPoller poller = poller(List.of(FIRST, SECOND));
    clock.advance(Duration.ofMinutes(5));
    poller.notificationReceived(SECOND);
    clock.advance(Duration.ofMinutes(5));

    poller.pollIdleMailboxes();

    assertThat(polls).containsExactly(FIRST);
  }

  @Test
  void notificationMatchesAddressIgnoringCase() {
    IdleMailboxPoller poller = poller(List.of(FIRST));
    clock.advance(Duration.ofMinutes(5));
    poller.notificationReceived(FIRST.toUpperCase());
    clock.advance(Duration.ofMinutes(5));

    poller.pollIdleMailboxes();

    assertThat(polls).isEmpty();
  }

  @Test
  void failingPollDoesNotStopOthers() {
    IdleMailboxPoller poller = new IdleMailboxPoller(List.of(FIRST, SECOND), IDLE, CHECK,
        mailbox -> {
          polls.add(mailbox);
          if (mailbox.equals(SECOND)) {
            throw new IllegalStateException("Gmail is down");
          }
        }, clock);
    clock.advance(IDLE);

    poller.pollIdleMailboxes();

    assertThat(polls).containsExactlyInAnyOrder(FIRST, SECOND);
  }

  @Test
  void startedPollerPollsIdleMailbox() throws Exception {
    try (IdleMailboxPoller poller = new IdleMailboxPoller(List.of(FIRST),
        Duration.ofMillis(50), Duration.ofMillis(10), polls::add, Clock.systemUTC())) {
      poller.start();

      Deadline.awaitTrue(Duration.ofSeconds(10), "the idle mailbox is polled",
          () -> !polls.isEmpty());
    }

    assertThat(polls).first().isEqualTo(FIRST);
  }

  private IdleMailboxPoller poller(List<String> mailboxes) {
    return new IdleMailboxPoller(mailboxes, IDLE, CHECK, polls::add, clock);
  }
}
