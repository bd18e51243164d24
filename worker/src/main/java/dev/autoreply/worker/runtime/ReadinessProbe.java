package dev.autoreply.worker.runtime;

import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness of the worker: the Pub/Sub subscriber runs and Firestore responds. Firestore is read at
 * most once per check interval ({@link #CHECK_INTERVAL} in production), so frequent probes cost
 * no more than that.
 */
final class ReadinessProbe implements BooleanSupplier {

  private static final Logger LOG = LoggerFactory.getLogger(ReadinessProbe.class);
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(15);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final String tenant;
  private final Firestore firestore;
  private final BooleanSupplier subscriberRunning;
  private final Clock clock;
  private final Duration checkInterval;
  private Instant checkedAt = Instant.MIN;
  private boolean firestoreReachable;

  ReadinessProbe(String tenant, Firestore firestore, BooleanSupplier subscriberRunning, Clock clock) {
    this(tenant, firestore, subscriberRunning, clock, CHECK_INTERVAL);
  }

  ReadinessProbe(String tenant, Firestore firestore, BooleanSupplier subscriberRunning, Clock clock,
      Duration checkInterval) {
    this.checkInterval = checkInterval;
    this.tenant = tenant;
    this.firestore = firestore;
    this.subscriberRunning = subscriberRunning;
    this.clock = clock;
  }

  @Override
  public synchronized boolean getAsBoolean() {
    if (!subscriberRunning.getAsBoolean()) {
      return false;
    }
    Instant now = clock.instant();
    if (now.isAfter(checkedAt.plus(checkInterval))) {
      firestoreReachable = readProbeDocument();
      checkedAt = now;
    }
    return firestoreReachable;
  }

  private boolean readProbeDocument() {
    try {
      firestore.collection("readiness").document("probe").get()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.warn("tenant {}: Firestore is not reachable, reporting not ready: {}", tenant, e.toString());
      return false;
    }
  }
}
