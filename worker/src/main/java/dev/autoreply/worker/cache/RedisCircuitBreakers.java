package dev.autoreply.worker.cache;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circuit breakers of the Redis level of the {@link ReplyCache}. While one is open the cache
 * sends nothing to Redis, so a Redis outage adds no connect or read timeout to a reply.
 */
public final class RedisCircuitBreakers {

  private static final Logger log = LoggerFactory.getLogger(RedisCircuitBreakers.class);

  private RedisCircuitBreakers() {
  }

  /**
   * Builds a breaker that opens for 30 s when at least half of the last 20 Redis calls failed
   * (10 calls at least), then lets 2 trial calls through.
   */
  public static CircuitBreaker defaults() {
    return of(20, 10, Duration.ofSeconds(30));
  }

  /**
   * Builds a breaker that opens for {@code openDuration} when at least half of the last {@code
   * windowSize} calls failed, once {@code minimumCalls} calls were made. Every exception counts
   * as a failure. State changes are logged.
   */
  public static CircuitBreaker of(int windowSize, int minimumCalls, Duration openDuration) {
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(windowSize)
        .minimumNumberOfCalls(minimumCalls)
        .failureRateThreshold(50)
        .waitDurationInOpenState(openDuration)
        .permittedNumberOfCallsInHalfOpenState(2)
        .build();
    CircuitBreaker breaker = CircuitBreaker.of("redis-reply-cache", config);
    breaker.getEventPublisher().onStateTransition(event -> log.warn(
        "Redis reply cache circuit breaker changed from {} to {}",
        event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
    return breaker;
  }
}
