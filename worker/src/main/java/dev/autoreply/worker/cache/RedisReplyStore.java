package dev.autoreply.worker.cache;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The Redis level of the reply cache. Every call runs inside the circuit breaker, and no
 * failure reaches the caller: a failed read is a lookup with result error, and a failed write
 * returns false.
 */
final class RedisReplyStore {

  private final UnifiedJedis redis;
  private final CircuitBreaker circuitBreaker;
  private final long ttlSeconds;
  private final RedisErrorLog errors;

  RedisReplyStore(UnifiedJedis redis, CircuitBreaker circuitBreaker, long ttlSeconds,
      RedisErrorLog errors) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    this.ttlSeconds = ttlSeconds;
    this.errors = Objects.requireNonNull(errors, "errors");
  }

  RedisLookup get(String tenant, String key) {
    try {
      String reply = circuitBreaker.executeSupplier(() -> redis.get(key));
      return reply == null ? RedisLookup.miss() : RedisLookup.hit(reply);
    } catch (CallNotPermittedException e) {
      return RedisLookup.error();
    } catch (RuntimeException e) {
      errors.failed("GET", tenant, e);
      return RedisLookup.error();
    }
  }

  /** Stores {@code reply} with the configured expiry; returns false if Redis was not written. */
  boolean put(String tenant, String key, String reply) {
    SetParams expiry = SetParams.setParams().ex(ttlSeconds);
    try {
      circuitBreaker.executeSupplier(() -> redis.set(key, reply, expiry));
      return true;
    } catch (CallNotPermittedException e) {
      return false;
    } catch (RuntimeException e) {
      errors.failed("SET", tenant, e);
      return false;
    }
  }

  CircuitBreaker.State circuitState() {
    return circuitBreaker.getState();
  }
}
