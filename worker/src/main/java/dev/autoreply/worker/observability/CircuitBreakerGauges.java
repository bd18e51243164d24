package dev.autoreply.worker.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * Registers {@code autoreply_circuit_state{tenant,dependency}}: the state of the circuit
 * breakers in front of one dependency (gemini, gmail, redis) as 0 closed, 1 half-open, 2 open.
 * A dependency with several breakers, such as Gmail with one per mailbox, reports the worst of
 * them, so the label set stays one series per dependency however many mailboxes a tenant has.
 */
public final class CircuitBreakerGauges {

  static final double CLOSED = 0;
  static final double HALF_OPEN = 1;
  static final double OPEN = 2;

  private final MeterRegistry registry;
  private final String tenant;

  public CircuitBreakerGauges(MeterRegistry registry, String tenant) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
  }

  /** Registers the gauge of {@code dependency}, a fixed code such as "gemini". */
  public void register(String dependency, List<CircuitBreaker> breakers) {
    List<CircuitBreaker> watched = List.copyOf(breakers);
    Gauge.builder("autoreply.circuit.state", watched, CircuitBreakerGauges::worstState)
        .description("Circuit breaker state of a dependency: 0 closed, 1 half-open, 2 open")
        .tag("tenant", tenant)
        .tag("dependency", dependency)
        .strongReference(true)
        .register(registry);
  }

  static double worstState(List<CircuitBreaker> breakers) {
    double worst = CLOSED;
    for (CircuitBreaker breaker : breakers) {
      worst = Math.max(worst, value(breaker.getState()));
    }
    return worst;
  }

  /** Maps resilience4j's states; DISABLED and METRICS_ONLY let every call through, like CLOSED. */
  static double value(CircuitBreaker.State state) {
    return switch (state) {
      case OPEN, FORCED_OPEN -> OPEN;
      case HALF_OPEN -> HALF_OPEN;
      case CLOSED, DISABLED, METRICS_ONLY -> CLOSED;
    };
  }
}
