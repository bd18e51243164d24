package dev.autoreply.worker.runtime;

import dev.autoreply.worker.drafting.GeminiResilience;
import dev.autoreply.worker.pubsub.NotificationSubscriberConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Timing of the worker's retries, circuit breakers, readiness checks and Pub/Sub subscriber.
 * Production uses {@link #PRODUCTION}; tests shorten the waits so that a circuit opens and
 * recovers within seconds.
 *
 * @param geminiRetry builds the retry of Gemini calls
 * @param geminiCircuitBreaker builds the circuit breaker of Gemini calls
 * @param readinessCheckInterval minimum time between two Firestore reads of /readyz
 * @param subscriberConfig adjusts the Pub/Sub subscriber settings built from the tenant's
 */
record RuntimeTuning(
    Supplier<Retry> geminiRetry,
    Supplier<CircuitBreaker> geminiCircuitBreaker,
    Duration readinessCheckInterval,
    UnaryOperator<NotificationSubscriberConfig> subscriberConfig) {

  static final RuntimeTuning PRODUCTION = new RuntimeTuning(
      GeminiResilience::defaultRetry,
      GeminiResilience::circuitBreaker,
      ReadinessProbe.CHECK_INTERVAL,
      UnaryOperator.identity());
}
