package dev.autoreply.worker.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Two-level cache of drafted replies: a bounded in-process Caffeine cache, then Redis. Keys
 * come from {@link ReplyCacheKeys#redisKey}, so tenants never share an entry at either level.
 * Redis failures never reach the caller: the cache goes on with the memory level alone. Each
 * failed Redis call counts as {@code result="error"}, and at most one a minute is logged.
 * While the circuit breaker is open, Redis is skipped and each skipped call counts as an error.
 *
 * <p>The cache does not close the Redis client it was given.
 */
public final class ReplyCache {

  private final Cache<String, String> memory;
  private final RedisReplyStore redis;
  private final CacheMetrics metrics;

  /** Creates a cache with the default settings and Redis circuit breaker. */
  public ReplyCache(UnifiedJedis redis, MeterRegistry registry) {
    this(redis, RedisCircuitBreakers.defaults(), ReplyCacheSettings.defaults(), registry,
        Ticker.systemTicker());
  }

  public ReplyCache(UnifiedJedis redis, CircuitBreaker circuitBreaker, ReplyCacheSettings settings,
      MeterRegistry registry) {
    this(redis, circuitBreaker, settings, registry, Ticker.systemTicker());
  }

  /**
   * Creates a cache.
   *
   * @param redis client of the shared Redis level, for example from {@link RedisClients}
   * @param circuitBreaker wraps every Redis call, for example from {@link RedisCircuitBreakers}
   * @param ticker time source of the memory level's expiry
   */
  public ReplyCache(UnifiedJedis redis, CircuitBreaker circuitBreaker, ReplyCacheSettings settings,
      MeterRegistry registry, Ticker ticker) {
    Objects.requireNonNull(settings, "settings");
    this.memory = Caffeine.newBuilder()
        .maximumSize(settings.memoryMaxEntries())
        .expireAfterWrite(settings.memoryTtl())
        .ticker(Objects.requireNonNull(ticker, "ticker"))
        .build();
    this.redis = new RedisReplyStore(redis, circuitBreaker, settings.redisTtlSeconds(),
        new RedisErrorLog());
    this.metrics = new CacheMetrics(registry);
  }

  /**
   * Returns the reply stored for {@code cacheKeyMaterial} of {@code tenant}, from memory or else
   * from Redis. A reply found in Redis is copied to memory.
   *
   * @param cacheKeyMaterial text that decides the reply, from {@link ReplyCacheKeys#material}
   * @throws IllegalArgumentException if the tenant is blank
   */
  public Optional<String> get(String tenant, String cacheKeyMaterial) {
    String key = ReplyCacheKeys.redisKey(tenant, cacheKeyMaterial);
    String inMemory = memory.getIfPresent(key);
    if (inMemory != null) {
      metrics.count(tenant, CacheMetrics.Level.MEMORY, CacheMetrics.Result.HIT);
      return Optional.of(inMemory);
    }
    metrics.count(tenant, CacheMetrics.Level.MEMORY, CacheMetrics.Result.MISS);

    RedisLookup lookup = redis.get(tenant, key);
    metrics.count(tenant, CacheMetrics.Level.REDIS, lookup.result());
    lookup.reply().ifPresent(reply -> memory.put(key, reply));
    return lookup.reply();
  }

  /**
   * Stores {@code reply} at both levels. When Redis cannot be written the reply stays in memory
   * and the failure is counted as a Redis error.
   *
   * @throws IllegalArgumentException if the tenant is blank
   */
  public void put(String tenant, String cacheKeyMaterial, String reply) {
    Objects.requireNonNull(reply, "reply");
    String key = ReplyCacheKeys.redisKey(tenant, cacheKeyMaterial);
    memory.put(key, reply);
    if (!redis.put(tenant, key, reply)) {
      metrics.count(tenant, CacheMetrics.Level.REDIS, CacheMetrics.Result.ERROR);
    }
  }

  /** Returns the state of the Redis circuit breaker; OPEN means Redis is skipped. */
  public CircuitBreaker.State redisCircuitState() {
    return redis.circuitState();
  }
}
