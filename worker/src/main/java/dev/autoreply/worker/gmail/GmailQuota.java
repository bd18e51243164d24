package dev.autoreply.worker.gmail;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side limit on the Gmail quota units that one mailbox spends per second. Each call first
 * reserves its method's cost. It waits until the units of the calls in the last second leave room
 * for it, and fails with {@link GmailQuotaExceededException} when that wait would exceed
 * {@code maxWait}, so a saturated mailbox gives a transient error and never a busy loop.
 *
 * <p>Sources: https://developers.google.com/gmail/api/reference/quota lists the
 * per-method costs and a per-user limit of 15,000 units per minute (reason
 * userRateLimitExceeded). The older version of that page,
 * https://developers.google.com/gmail/api/v1/reference/quota, states the same limit as 250 units
 * per user per second, as a moving average that allows short bursts. This class enforces a
 * sliding one-second window, which also keeps every minute under 60 times the limit.
 *
 * <p>NOTE: the limit counts only this process's calls. Gmail's limit is per user across all
 * callers, so with several worker replicas each replica must get its share of the units.
 *
 * <p>resilience4j's RateLimiter would fit here, but resilience4j-ratelimiter reaches this module
 * only in runtime scope (through resilience4j-micrometer), so main code cannot compile against it
 * until the worker pom declares it.
 */
public final class GmailQuota {

  /** Gmail's per-user limit in quota units per second, from the older usage limits page. */
  public static final int GMAIL_UNITS_PER_USER_PER_SECOND = 250;

  /**
   * Default limit, 80 % of Gmail's. The margin absorbs calls that this limiter does not see,
   * such as another app that uses the Gmail API for the same mailbox. It also absorbs the
   * network jitter between the moment a permit is granted and the moment Gmail counts it.
   */
  public static final int DEFAULT_UNITS_PER_SECOND = 200;

  /**
   * Default upper bound of the wait for units. A waiting call blocks a worker thread, and a
   * Pub/Sub redelivery retries the message later, so a short bound is better than a long queue.
   */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

  /** Cost of the most expensive method that the worker calls, messages.send and users.watch. */
  public static final int MAX_METHOD_UNITS = 100;

  /**
   * Quota units of each Gmail method that {@link GmailMailbox} calls, keyed by the operation
   * names it passes to {@link GmailCallGuard}, from the usage limits page named above.
   * NOTE: the copy of that table read for this class ended before threads.get and watch, so
   * their costs (10 and 100) are not checked against it.
   */
  private static final Map<String, Integer> METHOD_UNITS = Map.ofEntries(
      Map.entry("users.getProfile", 1),
      Map.entry("labels.list", 1),
      Map.entry("history.list", 2),
      Map.entry("labels.create", 5),
      Map.entry("messages.get", 5),
      Map.entry("messages.list", 5),
      Map.entry("messages.modify", 5),
      Map.entry("threads.get", 10),
      Map.entry("drafts.create", 10),
      Map.entry("messages.send", 100),
      Map.entry("users.watch", 100));

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Logger log = LoggerFactory.getLogger(GmailQuota.class);

  /** Units reserved at one moment, on the {@code nanoTime} scale. */
  private record Reservation(long atNanos, int units) {
  }

  /** Waits on behalf of a caller; replaced in tests so that no real time passes. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final String mailbox;
  private final int unitsPerSecond;
  private final Duration maxWait;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  /** Reservations of the last second and of the future, oldest first. */
  private final Deque<Reservation> reservations = new ArrayDeque<>();
  private int reservedUnits;
  private long rejectedCalls;

  /**
   * Creates the limit of one mailbox on the system's monotonic clock.
   *
   * @param unitsPerSecond at least {@link #MAX_METHOD_UNITS}, or messages.send could never run
   * @param maxWait upper bound of the wait for units in one call, zero to never wait
   */
  public GmailQuota(String mailbox, int unitsPerSecond, Duration maxWait) {
    this(mailbox, unitsPerSecond, maxWait, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  /** Creates the limit with the given time source and sleeper, for tests. */
  public GmailQuota(String mailbox, int unitsPerSecond, Duration maxWait, LongSupplier nanoTime,
      Sleeper sleeper) {
    this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    if (unitsPerSecond < MAX_METHOD_UNITS) {
      throw new IllegalArgumentException("Gmail units per second must be at least "
          + MAX_METHOD_UNITS + ", the cost of messages.send, got " + unitsPerSecond);
    }
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
    }
    this.unitsPerSecond = unitsPerSecond;
    this.maxWait = maxWait;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Creates the limit of one mailbox with {@link #DEFAULT_UNITS_PER_SECOND}. */
  public static GmailQuota defaults(String mailbox) {
    return new GmailQuota(mailbox, DEFAULT_UNITS_PER_SECOND, DEFAULT_MAX_WAIT);
  }

  /**
   * Returns the quota units of a Gmail method.
   *
   * @param operation method name as {@link GmailMailbox} passes it, e.g. messages.get
   * @throws IllegalArgumentException for a method without a known cost
   */
  public static int unitsOf(String operation) {
    Integer units = METHOD_UNITS.get(operation);
    if (units == null) {
      throw new IllegalArgumentException("no Gmail quota cost known for operation '" + operation
          + "'; add it to GmailQuota with the cost from Gmail's usage limits page");
    }
    return units;
  }

  public int unitsPerSecond() {
    return unitsPerSecond;
  }

  public Duration maxWait() {
    return maxWait;
  }

  /** Returns the number of calls rejected so far because their wait would exceed maxWait. */
  public synchronized long rejectedCalls() {
    return rejectedCalls;
  }

  /**
   * Reserves the units of {@code operation}, waiting until they are free.
   *
   * @param target ids the call is about, for the exception message
   * @throws GmailQuotaExceededException if the units are not free within maxWait; nothing is
   *     reserved then
   * @throws InterruptedIOException if the thread is interrupted while it waits; the units stay
   *     reserved, because the call may still run elsewhere
   */
  public void acquire(String operation, String target)
      throws GmailQuotaExceededException, InterruptedIOException {
    int units = unitsOf(operation);
    long waitNanos = reserve(operation, target, units);
    if (waitNanos <= 0) {
      return;
    }
    log.debug("Gmail {} for mailbox {} ({}) waits {} ms for {} quota units", operation, mailbox,
        target, TimeUnit.NANOSECONDS.toMillis(waitNanos), units);
    try {
      sleeper.sleep(waitNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while Gmail "
          + operation + " for mailbox " + mailbox + " waited for quota units");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  /** Records the reservation and returns how long the caller must wait before it starts. */
  private synchronized long reserve(String operation, String target, int units)
      throws GmailQuotaExceededException {
    long now = nanoTime.getAsLong();
    dropOlderThan(now - WINDOW_NANOS);
    long start = earliestStart(now, units);
    long waitNanos = start - now;
    if (waitNanos > maxWait.toNanos()) {
      rejectedCalls++;
      throw new GmailQuotaExceededException(mailbox, operation, target, units, unitsPerSecond,
          maxWait);
    }
    reservations.addLast(new Reservation(start, units));
    reservedUnits += units;
    return waitNanos;
  }

  /**
   * Returns the first moment, not before {@code now} nor before the newest reservation, at which
   * the reservations of the preceding second leave room for {@code units}. A reservation stops
   * counting one window after its moment.
   */
  private long earliestStart(long now, int units) {
    long start = reservations.isEmpty() ? now : Math.max(now, reservations.peekLast().atNanos());
    int counted = reservedUnits;
    for (Reservation reservation : reservations) {
      if (counted + units <= unitsPerSecond) {
        break;
      }
      counted -= reservation.units();
      start = Math.max(start, reservation.atNanos() + WINDOW_NANOS);
    }
    return start;
  }

  private void dropOlderThan(long windowStart) {
    while (!reservations.isEmpty() && reservations.peekFirst().atNanos() <= windowStart) {
      reservedUnits -= reservations.pollFirst().units();
    }
  }
}
