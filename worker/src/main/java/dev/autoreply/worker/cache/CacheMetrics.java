package dev.autoreply.worker.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;

/**
 * Counter {@code autoreply_cache_requests_total{tenant,level,result}} of the reply cache. Each
 * level a lookup reaches counts once, so a reply found in Redis counts a memory miss and a
 * Redis hit. A store counts only when it fails, as a Redis error.
 */
final class CacheMetrics {

  /** Value of the {@code level} label. */
  enum Level {
    MEMORY,
    REDIS;

    String labelValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Value of the {@code result} label. */
  enum Result {
    HIT,
    MISS,
    /** Redis failed or its circuit breaker was open, so the level was skipped. */
    ERROR;

    String labelValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;

  CacheMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  void count(String tenant, Level level, Result result) {
    Counter.builder("autoreply.cache.requests")
        .description("Reply cache requests, by level and result")
        .tag("tenant", tenant)
        .tag("level", level.labelValue())
        .tag("result", result.labelValue())
        .register(registry)
        .increment();
  }
}
