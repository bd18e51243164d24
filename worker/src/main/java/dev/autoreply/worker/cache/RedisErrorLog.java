package dev.autoreply.worker.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failed Redis calls at WARN, at most once per interval, and counts the others. Each
 * line states how many failures were not logged since the previous line.
 */
final class RedisErrorLog {

  private static final Logger log = LoggerFactory.getLogger(RedisErrorLog.class);

  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong suppressed = new AtomicLong();
  private final AtomicLong nextLogAt;

  RedisErrorLog(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.nextLogAt = new AtomicLong(nanoTime.getAsLong());
  }

  RedisErrorLog() {
    this(DEFAULT_INTERVAL, System::nanoTime);
  }

  /** Logs or counts one failure of {@code operation} (GET or SET) for {@code tenant}. */
  void failed(String operation, String tenant, RuntimeException error) {
    long now = nanoTime.getAsLong();
    long due = nextLogAt.get();
    if (now - due < 0 || !nextLogAt.compareAndSet(due, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long left = suppressed.getAndSet(0);
    log.warn("Redis {} failed for tenant {}, continuing without Redis ({} more Redis failures "
        + "since the previous message were not logged): {}", operation, tenant, left,
        error.toString());
  }
}
