package dev.autoreply.worker.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * Sizes and lifetimes of the {@link ReplyCache}.
 *
 * @param memoryMaxEntries maximum number of replies kept in this process
 * @param memoryTtl time a reply stays in this process after it was stored or read from Redis
 * @param redisTtl expiry set on each Redis entry, in whole seconds
 */
public record ReplyCacheSettings(long memoryMaxEntries, Duration memoryTtl, Duration redisTtl) {

  public static final long DEFAULT_MEMORY_MAX_ENTRIES = 10_000;
  public static final Duration DEFAULT_MEMORY_TTL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_REDIS_TTL = Duration.ofHours(24);

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if a size is below 1 or a TTL is shorter than one second
   */
  public ReplyCacheSettings {
    Objects.requireNonNull(memoryTtl, "memoryTtl");
    Objects.requireNonNull(redisTtl, "redisTtl");
    if (memoryMaxEntries < 1) {
      throw new IllegalArgumentException(
          "memoryMaxEntries must be at least 1, but was " + memoryMaxEntries);
    }
    requireSeconds(memoryTtl, "memoryTtl");
    requireSeconds(redisTtl, "redisTtl");
  }

  /** Returns 10,000 entries for 10 minutes in memory and 24 hours in Redis. */
  public static ReplyCacheSettings defaults() {
    return new ReplyCacheSettings(DEFAULT_MEMORY_MAX_ENTRIES, DEFAULT_MEMORY_TTL, DEFAULT_REDIS_TTL);
  }

  /** Returns the Redis expiry in seconds, the unit of {@code SET key value EX seconds}. */
  long redisTtlSeconds() {
    return redisTtl.toSeconds();
  }

  private static void requireSeconds(Duration ttl, String name) {
    if (ttl.toSeconds() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 second, but was " + ttl);
    }
  }
}
