package dev.autoreply.operator;

import com.sun.net.httpserver.HttpServer;
import dev.autoreply.operator.assembly.OperatorAssembly;
import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator as the {@code run} command starts it: the JOSDK operator with Micrometer
 * metrics, optional leader election, and the HTTP endpoints of {@link HealthEndpoint}.
 */
final class OperatorProcess implements AutoCloseable {

  /** Time that {@link #close()} gives running reconciles to finish. */
  static final Duration RECONCILE_TERMINATION_TIMEOUT = Duration.ofSeconds(20);

  private static final Logger LOG = LoggerFactory.getLogger(OperatorProcess.class);

  /**
   * Settings of one process.
   *
   * @param namespaces namespaces to watch, or an empty set for all namespaces
   * @param leaseNamespace namespace of the leader election Lease, or null for no leader election
   * @param leaseIdentity holder identity written to the Lease, usually the pod name
   * @param httpAddress address and port of the HTTP endpoints, port 0 for a free port
   */
  record Settings(Set<String> namespaces, OperatorDefaults defaults, String leaseNamespace,
      String leaseIdentity, InetSocketAddress httpAddress) {
  }

  private final Operator operator;
  private final HttpServer httpServer;
  private final PrometheusMeterRegistry registry;
  private final AtomicBoolean stopped;

  private OperatorProcess(Operator operator, HttpServer httpServer,
      PrometheusMeterRegistry registry, AtomicBoolean stopped) {
    this.operator = operator;
    this.httpServer = httpServer;
    this.registry = registry;
    this.stopped = stopped;
  }

  /**
   * Starts the HTTP endpoints, then the operator, and returns once the operator's informers
   * have synced. With leader election, only the replica that holds the Lease reconciles.
   */
  static OperatorProcess start(KubernetesClient client, Settings settings) throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);

    // Per-resource metrics would add label values for each of thousands of tenants.
    MicrometerMetrics metrics = MicrometerMetrics.withoutPerResourceMetrics(registry);
    AtomicBoolean stopped = new AtomicBoolean();
    Operator operator = OperatorAssembly.create(client, settings.defaults(),
        settings.namespaces(), configuration -> {
          configuration.withMetrics(metrics)
              .withReconciliationTerminationTimeout(RECONCILE_TERMINATION_TIMEOUT);
          if (settings.leaseNamespace() != null) {
            configuration.withLeaderElectionConfiguration(OperatorAssembly.leaderElection(
                settings.leaseNamespace(), settings.leaseIdentity(),
                () -> exitUnlessStopping(stopped)));
          }
        });

    HttpServer httpServer =
        HealthEndpoint.start(settings.httpAddress(), operator::getRuntimeInfo, registry);
    LOG.info("HTTP endpoints /healthz, /startup and /metrics listening on {}",
        httpServer.getAddress());
    OperatorProcess process = new OperatorProcess(operator, httpServer, registry, stopped);
    try {
      operator.start();
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    LOG.info("Operator started against {}, watching {}{}", client.getMasterUrl(),
        settings.namespaces().isEmpty() ? "all namespaces" : "namespaces " + settings.namespaces(),
        settings.leaseNamespace() == null ? ", without leader election"
            : ", with leader election on Lease " + settings.leaseNamespace() + "/"
                + OperatorAssembly.LEASE_NAME + " as " + settings.leaseIdentity());
    return process;
  }

  /**
   * Exits the JVM when the replica lost the Lease while running, so that Kubernetes restarts the
   * pod as a follower. The exit runs on a new thread, because System.exit blocks when called on
   * a thread that the shutdown waits for.
   */
  private static void exitUnlessStopping(AtomicBoolean stopped) {
    if (stopped.get()) {
      return;
    }
    LOG.error("Lost the leader election Lease {}; exiting so that the pod restarts",
        OperatorAssembly.LEASE_NAME);
    new Thread(() -> System.exit(1), "exit-after-lost-lease").start();
  }

  Operator operator() {
    return operator;
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Port of the HTTP endpoints, the bound one when the settings asked for port 0. */
  int httpPort() {
    return httpServer.getAddress().getPort();
  }

  /** Stops the operator, waiting for running reconciles, then the HTTP endpoints. Idempotent. */
  @Override
  public void close() {
    if (stopped.getAndSet(true)) {
      return;
    }
    LOG.info("Stopping the operator");
    try {
      operator.stop();
    } finally {
      httpServer.stop(0);
      registry.close();
    }
    LOG.info("Operator stopped");
  }
}
