package dev.autoreply.operator.assembly;

import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import java.util.Set;
import java.util.function.Consumer;

/** Builds the JOSDK {@link Operator} with the tenant reconciler registered. */
public final class OperatorAssembly {

  private OperatorAssembly() {
  }

  /**
   * Builds an operator that is not started yet. Server-side apply is off for dependents and for
   * the status patch: matching uses JOSDK's generic matcher, which ignores fields the API
   * server adds, and updates replace the spec (the Deployment keeps its replicas).
   *
   * @param namespaces namespaces to watch, or an empty set to watch all namespaces
   * @param overrides further configuration, applied last, for example a metrics hook in tests
   */
  public static Operator create(KubernetesClient client, OperatorDefaults defaults,
      Set<String> namespaces, Consumer<ConfigurationServiceOverrider> overrides) {
    Operator operator = new Operator(configuration -> {
      configuration
          .withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withUseSSAToPatchPrimaryResource(false);
      overrides.accept(configuration);
    });
    operator.register(new AutoReplyTenantReconciler(defaults), controller -> {
      if (namespaces.isEmpty()) {
        controller.watchingAllNamespaces();
      } else {
        controller.settingNamespaces(namespaces);
      }
    });
    return operator;
  }
}
