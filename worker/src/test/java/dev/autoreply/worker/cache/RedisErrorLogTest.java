package dev.autoreply.worker.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisErrorLogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(RedisErrorLog.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final AtomicLong nanos = new AtomicLong();
  private final RedisErrorLog errors = new RedisErrorLog(Duration.ofMinutes(1), nanos::get);
  private final JedisConnectionException refused = new JedisConnectionException("Connection refused");

  @BeforeEach
  void capture() {
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
  }

  @Test
  void repeatsWithinIntervalAreCounted() {
    errors.failed("GET", "shop-a/support", refused);
    errors.failed("GET", "shop-a/support", refused);
    errors.failed("SET", "shop-a/support", refused);

    assertThat(events.list).hasSize(1);
    assertThat(events.list.get(0).getFormattedMessage())
        .startsWith("Redis GET failed for tenant shop-a/support")
        .contains("(0 more Redis failures");
  }

  @Test
  void nextIntervalLogsSkippedCount() {
    errors.failed("GET", "shop-a/support", refused);
    errors.failed("GET", "shop-a/support", refused);
    errors.failed("GET", "shop-b/support", refused);

    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    errors.failed("SET", "shop-b/support", refused);

    assertThat(events.list).hasSize(2);
    assertThat(events.list.get(1).getFormattedMessage())
        .startsWith("Redis SET failed for tenant shop-b/support")
        .contains("(2 more Redis failures");
  }
}
