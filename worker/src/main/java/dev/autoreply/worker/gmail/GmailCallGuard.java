package dev.autoreply.worker.gmail;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries, circuit breaker and quota limit of the Gmail calls of one mailbox. Reads are retried
 * on every transient error; sends only where Gmail cannot have sent the message (see {@link
 * GmailErrors#isSafeToRepeatSend}). Both kinds share one breaker, which opens on transient
 * errors only, so 400 and 404 responses never open it. Every attempt first reserves its method's
 * units in the mailbox's {@link GmailQuota}.
 */
public final class GmailCallGuard {

  /** One Gmail request, run once per attempt. */
  @FunctionalInterface
  public interface GmailCall<T> {
    T execute() throws IOException;
  }

  private static final Logger log = LoggerFactory.getLogger(GmailCallGuard.class);

  private final String mailbox;
  private final GmailCallPolicy policy;
  private final Retry readRetry;
  private final Retry sendRetry;
  private final CircuitBreaker circuitBreaker;
  private final GmailQuota quota;

  /** Creates the guard with {@link GmailQuota#defaults}, 200 units per second. */
  public GmailCallGuard(String mailbox, GmailCallPolicy policy) {
    this(mailbox, policy, GmailQuota.defaults(mailbox));
  }

  /**
   * Creates the guard of one mailbox.
   *
   * @param quota the mailbox's quota limit. Share one instance among all guards of the mailbox
   *     in this process, because each instance counts only its own calls
   */
  public GmailCallGuard(String mailbox, GmailCallPolicy policy, GmailQuota quota) {
    this.mailbox = mailbox;
    this.policy = policy;
    this.quota = Objects.requireNonNull(quota, "quota");
    this.readRetry = newRetry("gmail-read-" + mailbox, GmailErrors::isTransient);
    this.sendRetry = newRetry("gmail-send-" + mailbox, GmailErrors::isSafeToRepeatSend);
    this.circuitBreaker = CircuitBreaker.of("gmail-" + mailbox, circuitBreakerConfig());
    logBreakerTransitions();
  }

  /**
   * Runs an idempotent call, retrying transient errors.
   *
   * @param operation Gmail method name for logs, e.g. messages.get
   * @param target ids the call is about, for logs, e.g. "message 18c2f0"
   */
  public <T> T read(String operation, String target, GmailCall<T> call) throws IOException {
    return run(readRetry, operation, target, call);
  }

  /** Runs a call that must not take effect twice, retrying only errors that prove it did not. */
  public <T> T send(String operation, String target, GmailCall<T> call) throws IOException {
    return run(sendRetry, operation, target, call);
  }

  /** Returns the retry of idempotent calls, e.g. to bind its metrics. */
  public Retry readRetry() {
    return readRetry;
  }

  /** Returns the retry of messages.send, e.g. to bind its metrics. */
  public Retry sendRetry() {
    return sendRetry;
  }

  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  public GmailQuota quota() {
    return quota;
  }

  private <T> T run(Retry retry, String operation, String target, GmailCall<T> call)
      throws IOException {
    Retry.Context<T> context = retry.context();
    Predicate<Throwable> retryable = retry.getRetryConfig().getExceptionPredicate();
    for (int attempt = 1; ; attempt++) {
      acquireQuota(operation, target);
      try {
        T result = attemptThroughBreaker(operation, call);
        context.onComplete();
        return result;
      } catch (GmailUnavailableException open) {
        // Retrying would only wait out the backoff against the same open breaker.
        log.warn("Gmail {} for mailbox {} ({}) skipped: circuit breaker is open",
            operation, mailbox, target);
        throw open;
      } catch (IOException error) {
        logFailure(operation, target, attempt, retryable.test(error), error);
        waitOrRethrow(context, error);
      }
    }
  }

  /**
   * Reserves the units of one attempt. A rejection ends the call without a retry, because the
   * wait for units already took up to maxWait. An interrupt ends it too.
   */
  private void acquireQuota(String operation, String target) throws IOException {
    try {
      quota.acquire(operation, target);
    } catch (GmailQuotaExceededException saturated) {
      log.warn("Gmail {} for mailbox {} ({}) skipped: no free quota units within {} ms",
          operation, mailbox, target, quota.maxWait().toMillis());
      throw saturated;
    }
  }

  private <T> T attemptThroughBreaker(String operation, GmailCall<T> call) throws IOException {
    try {
      return circuitBreaker.executeCheckedSupplier(call::execute);
    } catch (CallNotPermittedException open) {
      throw new GmailUnavailableException(mailbox, operation, open);
    } catch (IOException | RuntimeException | Error error) {
      throw error;
    } catch (Throwable unexpected) {
      // GmailCall declares only IOException, so this is a checked exception thrown sneakily.
      throw new IllegalStateException("unexpected checked exception from Gmail call", unexpected);
    }
  }

  /** Sleeps until the next attempt, or rethrows {@code error} when no attempt is left. */
  private static void waitOrRethrow(Retry.Context<?> context, IOException error)
      throws IOException {
    try {
      context.onError(error);
    } catch (IOException same) {
      throw same;
    } catch (Exception other) {
      throw new IllegalStateException("retry wait failed", other);
    }
  }

  private void logFailure(
      String operation, String target, int attempt, boolean retryable, IOException error) {
    String cause = GmailErrors.describe(error);
    if (retryable && attempt < policy.maxAttempts()) {
      log.warn("Gmail {} for mailbox {} ({}) failed on attempt {} of {} ({}), retrying",
          operation, mailbox, target, attempt, policy.maxAttempts(), cause);
    } else if (retryable) {
      log.warn("Gmail {} for mailbox {} ({}) failed on attempt {}, the last one ({})",
          operation, mailbox, target, attempt, cause);
    } else {
      // The caller receives this error, e.g. a 404, and decides whether it is worth a log line.
      log.debug("Gmail {} for mailbox {} ({}) failed without retry ({})",
          operation, mailbox, target, cause);
    }
  }

  private Retry newRetry(String name, Predicate<Throwable> retryable) {
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(retryable)
        .intervalBiFunction(waitBeforeRetry())
        .build();
    return Retry.of(name, config);
  }

  /** Waits as long as Retry-After requests, up to maxRetryAfter, else exponential with jitter. */
  private IntervalBiFunction<Object> waitBeforeRetry() {
    IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
        policy.initialBackoff(), policy.backoffMultiplier(), policy.jitterFactor(),
        policy.maxBackoff());
    Clock clock = Clock.systemUTC();
    return (attempt, outcome) -> {
      if (outcome.isLeft()) {
        var requested = GmailErrors.retryAfter(outcome.getLeft(), clock);
        if (requested.isPresent()) {
          return Math.min(requested.get().toMillis(), policy.maxRetryAfter().toMillis());
        }
      }
      return backoff.apply(attempt);
    };
  }

  private CircuitBreakerConfig circuitBreakerConfig() {
    return CircuitBreakerConfig.custom()
        .failureRateThreshold(policy.failureRatePercent())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(policy.slidingWindowCalls())
        .minimumNumberOfCalls(policy.minimumCalls())
        .waitDurationInOpenState(policy.openStateWait())
        .recordException(GmailErrors::isTransient)
        .build();
  }

  private void logBreakerTransitions() {
    circuitBreaker.getEventPublisher().onStateTransition(event ->
        log.warn("Gmail circuit breaker of mailbox {} changed {}", mailbox,
            event.getStateTransition()));
  }
}
