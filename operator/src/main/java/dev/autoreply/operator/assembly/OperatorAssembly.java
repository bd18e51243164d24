package dev.autoreply.operator.assembly;

import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/** Builds the JOSDK {@link Operator} with the tenant reconciler registered. */
public final class OperatorAssembly {

  /** Name of the coordination.k8s.io Lease that the operator replicas compete for. */
  public static final String LEASE_NAME = "autoreply-operator";

  private OperatorAssembly() {
  }

  /**
   * Returns the retry of a failed reconcile: at most 8 retries after the first attempt, which
   * JOSDK 5.2.3's GenericRetry spaces 2 s, 2 s, 3 s, 4.5 s and so on, up to 60 s. JOSDK's default
   * stops after 5 retries. A tenant that still fails is reconciled again on its next event.
   */
  public static GenericRetry defaultRetry() {
    return new GenericRetry()
        .setInitialInterval(Duration.ofSeconds(2))
        .setIntervalMultiplier(1.5)
        .setMaxInterval(Duration.ofSeconds(60).toMillis())
        .setMaxAttempts(8);
  }

  /**
   * Returns the leader election on the Lease {@link #LEASE_NAME} in the given namespace, with
   * JOSDK's default lease duration, renew deadline and retry period.
   *
   * @param onStopLeading runs when this replica stops leading, also when the operator stops.
   *     JOSDK's own exit on a lost lease is off, because it calls System.exit, which never
   *     returns when called from a shutdown hook.
   */
  public static LeaderElectionConfiguration leaderElection(String leaseNamespace, String identity,
      Runnable onStopLeading) {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
        .withLeaseNamespace(leaseNamespace)
        .withIdentity(identity)
        .withExitOnStopLeading(false)
        .withLeaderCallbacks(new LeaderCallbacks(() -> { }, onStopLeading, leader -> { }))
        .build();
  }

  /** Builds an operator, not started yet, with {@link #defaultRetry()}. */
  public static Operator create(KubernetesClient client, OperatorDefaults defaults,
      Set<String> namespaces, Consumer<ConfigurationServiceOverrider> overrides) {
    return create(client, defaults, namespaces, defaultRetry(), overrides);
  }

  /**
   * Builds an operator that is not started yet. Server-side apply is off for dependents and for
   * the status patch: matching uses JOSDK's generic matcher, which ignores fields the API
   * server adds, and updates replace the spec (the Deployment keeps its replicas).
   *
   * @param namespaces namespaces to watch, or an empty set to watch all namespaces
   * @param retry retry of a failed reconcile
   * @param overrides further configuration, applied last, for example a metrics hook in tests
   */
  public static Operator create(KubernetesClient client, OperatorDefaults defaults,
      Set<String> namespaces, Retry retry, Consumer<ConfigurationServiceOverrider> overrides) {
    Operator operator = new Operator(configuration -> {
      configuration
          .withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withUseSSAToPatchPrimaryResource(false);
      overrides.accept(configuration);
    });
    operator.register(new AutoReplyTenantReconciler(defaults), controller -> {
      controller.withRetry(retry);
      if (namespaces.isEmpty()) {
        controller.watchingAllNamespaces();
      } else {
        controller.settingNamespaces(namespaces);
      }
    });
    return operator;
  }
}
