package dev.autoreply.worker.ledger;

import com.google.api.core.ApiFuture;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Firestore calls under a resilience4j {@link Retry} that repeats only UNAVAILABLE,
 * DEADLINE_EXCEEDED and ABORTED failures. Every other failure, ALREADY_EXISTS included, reaches
 * the caller on the first attempt.
 */
final class FirestoreCalls {

  private static final Logger log = LoggerFactory.getLogger(FirestoreCalls.class);

  static final int DEFAULT_MAX_ATTEMPTS = 4;
  static final Duration DEFAULT_INITIAL_WAIT = Duration.ofMillis(200);

  private final Retry retry;

  FirestoreCalls(Retry retry) {
    this.retry = retry;
  }

  /**
   * Builds the ledger's retry: exponential backoff from {@code initialWait}, doubling, with 50%
   * jitter, at most {@code maxAttempts} attempts in all.
   */
  static Retry retry(int maxAttempts, Duration initialWait) {
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(maxAttempts)
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialWait, 2.0, 0.5))
        .retryOnException(FirestoreErrors::isTransient)
        .build();
    return Retry.of("firestore-ledger", config);
  }

  static Retry defaultRetry() {
    return retry(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_WAIT);
  }

  /**
   * Sends {@code request} and waits for its result, sending it again after a transient failure.
   * The supplier must build a new request on every call.
   *
   * @throws RuntimeException the last failure of the Firestore client, unchanged
   * @throws LedgerException if the thread is interrupted while it waits
   */
  <T> T call(String operation, String tenant, String key, Supplier<ApiFuture<T>> request) {
    Retry.Context<T> context = retry.context();
    int attempt = 1;
    while (true) {
      try {
        T result = await(request.get(), operation, tenant, key);
        context.onComplete();
        return result;
      } catch (RuntimeException e) {
        // Sleeps before the next attempt, or rethrows e when it is not retried or attempts ran out.
        context.onRuntimeError(e);
        log.warn("Firestore {} for tenant {} key {} failed on attempt {}, retrying: {}",
            operation, tenant, key, attempt, e.toString());
        attempt++;
      }
    }
  }

  private static <T> T await(ApiFuture<T> future, String operation, String tenant, String key) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new LedgerException(
          "Firestore " + operation + " failed for tenant " + tenant + " key " + key, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerException(
          "interrupted while waiting for Firestore " + operation + " of tenant " + tenant
              + " key " + key, e);
    }
  }
}
