package dev.autoreply.worker.customers;

import java.time.Duration;
import java.util.Objects;

/**
 * Cache and timeout settings of the {@link CustomerDirectory}.
 *
 * @param maxEntries maximum number of cached lookups, found and not found together
 * @param foundTtl time a found customer stays cached
 * @param notFoundTtl time an unknown address stays cached; shorter, so a customer added in
 *     Firestore is seen soon
 * @param lookupTimeout maximum wait for one Firestore read; a slower read counts as failed
 */
public record CustomerCacheSettings(
    long maxEntries, Duration foundTtl, Duration notFoundTtl, Duration lookupTimeout) {

  public static final long DEFAULT_MAX_ENTRIES = 10_000;
  public static final Duration DEFAULT_FOUND_TTL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_NOT_FOUND_TTL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_LOOKUP_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if maxEntries is below 1 or a duration is not positive
   */
  public CustomerCacheSettings {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, but was " + maxEntries);
    }
    requirePositive(foundTtl, "foundTtl");
    requirePositive(notFoundTtl, "notFoundTtl");
    requirePositive(lookupTimeout, "lookupTimeout");
  }

  /** Returns 10,000 entries, 10 minutes for found customers, 1 minute for unknown ones, 2 s reads. */
  public static CustomerCacheSettings defaults() {
    return new CustomerCacheSettings(DEFAULT_MAX_ENTRIES, DEFAULT_FOUND_TTL, DEFAULT_NOT_FOUND_TTL,
        DEFAULT_LOOKUP_TIMEOUT);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + duration);
    }
  }
}
