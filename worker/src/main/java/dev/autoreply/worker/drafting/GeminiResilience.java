package dev.autoreply.worker.drafting;

import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;

/** Retry and circuit breaker of Gemini calls, and which failures count as transient. */
public final class GeminiResilience {

  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final Duration DEFAULT_INITIAL_WAIT = Duration.ofSeconds(1);

  private GeminiResilience() {
  }

  /**
   * Builds a retry with exponential backoff from {@code initialWait}, doubling, with 50% jitter,
   * of transient failures only, at most {@code maxAttempts} attempts in all.
   */
  public static Retry retry(int maxAttempts, Duration initialWait) {
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(maxAttempts)
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialWait, 2.0, 0.5))
        .retryOnException(GeminiResilience::isTransient)
        .build();
    return Retry.of("gemini", config);
  }

  public static Retry defaultRetry() {
    return retry(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_WAIT);
  }

  /**
   * Builds a circuit breaker that opens for 30 s when at least half of the last 20 calls failed
   * transiently (10 calls at least). Blocked replies and rejected requests do not count.
   */
  public static CircuitBreaker circuitBreaker() {
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(30))
        .recordException(GeminiResilience::isTransient)
        .build();
    return CircuitBreaker.of("gemini", config);
  }

  /** Returns true for HTTP 408, 429 and 5xx responses, and for I/O failures such as timeouts. */
  public static boolean isTransient(Throwable error) {
    if (error instanceof ApiException apiError) {
      int code = apiError.code();
      return code == 408 || code == 429 || code >= 500;
    }
    return error instanceof GenAiIOException;
  }
}
