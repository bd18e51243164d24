package dev.autoreply.worker.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a mailbox that has had no Gmail push notification for the idle timeout, e.g. because
 * the watch expired or Pub/Sub lost messages. Every check interval, a thread of this class
 * compares each mailbox's last activity with the clock and calls the poll callback for each idle
 * one. A notification or a poll counts as activity, so a silent mailbox is polled once per idle
 * timeout.
 */
public final class IdleMailboxPoller implements AutoCloseable {

  private static final long STOP_TIMEOUT_SECONDS = 10;
  private static final Logger log = LoggerFactory.getLogger(IdleMailboxPoller.class);

  private final Duration idleTimeout;
  private final Duration checkInterval;
  private final Consumer<String> poll;
  private final Clock clock;
  private final Map<String, Instant> lastActivity = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;

  /**
   * Creates a poller whose idle timers start now.
   *
   * @param mailboxes addresses to watch for silence
   * @param idleTimeout silence after which a mailbox is polled, e.g. 10 minutes
   * @param checkInterval time between two checks, so a poll can start up to this much late
   * @param poll called with the mailbox address on the thread of this class; it should return
   *     quickly, e.g. by queueing the poll
   */
  public IdleMailboxPoller(Collection<String> mailboxes, Duration idleTimeout,
      Duration checkInterval, Consumer<String> poll, Clock clock) {
    this.idleTimeout = requirePositive(idleTimeout, "idleTimeout");
    this.checkInterval = requirePositive(checkInterval, "checkInterval");
    this.poll = Objects.requireNonNull(poll, "poll");
    this.clock = Objects.requireNonNull(clock, "clock");
    Instant now = clock.instant();
    for (String mailbox : mailboxes) {
      lastActivity.put(normalize(mailbox), now);
    }
  }

  /** Starts the checks. Calling it again while running does nothing. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "idle-mailbox-poller");
      thread.setDaemon(true);
      return thread;
    });
    long intervalMillis = checkInterval.toMillis();
    scheduler.scheduleWithFixedDelay(this::pollIdleMailboxes, intervalMillis, intervalMillis,
        TimeUnit.MILLISECONDS);
    log.info("Started the idle mailbox poller for {}, idle timeout {}, check every {}",
        mailboxes(), idleTimeout, checkInterval);
  }

  /**
   * Stops the checks and waits up to 10 seconds for a running poll callback to return, then
   * interrupts it.
   */
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    // shutdown() lets a running poll callback return before the thread ends.
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
        log.warn("Idle mailbox poller did not stop within {} s, interrupted it",
            STOP_TIMEOUT_SECONDS);
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
    scheduler = null;
    log.info("Stopped the idle mailbox poller");
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Resets the idle timer of {@code mailbox}. An address the poller did not know is watched
   * from now on.
   */
  public void notificationReceived(String mailbox) {
    lastActivity.put(normalize(mailbox), clock.instant());
  }

  /**
   * Calls the poll callback for every mailbox that has been idle for at least the idle timeout,
   * as each scheduled check does, and restarts their timers.
   *
   * @return the addresses that were polled
   */
  public List<String> pollIdleMailboxes() {
    Instant now = clock.instant();
    List<String> idle = lastActivity.entrySet().stream()
        .filter(entry -> !now.isBefore(entry.getValue().plus(idleTimeout)))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
    for (String mailbox : idle) {
      Instant last = lastActivity.put(mailbox, now);
      log.info("Mailbox {} had no Gmail notification since {}, polling it", mailbox, last);
      try {
        poll.accept(mailbox);
      } catch (RuntimeException e) {
        log.warn("Poll of idle mailbox {} failed, next attempt after {}: {}",
            mailbox, idleTimeout, e.toString());
      }
    }
    return idle;
  }

  private List<String> mailboxes() {
    return lastActivity.keySet().stream().sorted().toList();
  }

  private static String normalize(String mailbox) {
    return mailbox.toLowerCase(Locale.ROOT);
  }

  private static Duration requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
