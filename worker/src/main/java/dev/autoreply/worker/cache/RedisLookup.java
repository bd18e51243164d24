package dev.autoreply.worker.cache;

import java.util.Optional;

/**
 * Result of one Redis read of the reply cache.
 *
 * @param result hit, miss, or error when Redis failed or the circuit breaker was open
 * @param reply the stored reply on a hit, otherwise empty
 */
record RedisLookup(CacheMetrics.Result result, Optional<String> reply) {

  static RedisLookup hit(String reply) {
    return new RedisLookup(CacheMetrics.Result.HIT, Optional.of(reply));
  }

  static RedisLookup miss() {
    return new RedisLookup(CacheMetrics.Result.MISS, Optional.empty());
  }

  static RedisLookup error() {
    return new RedisLookup(CacheMetrics.Result.ERROR, Optional.empty());
  }
}
