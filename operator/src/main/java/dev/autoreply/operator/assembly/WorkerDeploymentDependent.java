package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerDeploymentModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class WorkerDeploymentDependent extends TenantDependentResource<Deployment> {

  public WorkerDeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  Deployment build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return WorkerDeploymentModel.desired(tenant, inputs.policy(), inputs.defaults());
  }

  /**
   * Updates the Deployment but keeps its current {@code spec.replicas}. Without SSA, JOSDK
   * replaces the whole spec with the desired one, which has no replicas, and that would reset
   * the count the HorizontalPodAutoscaler set.
   */
  @Override
  public Deployment update(Deployment actual, Deployment desired, AutoReplyTenant tenant,
      Context<AutoReplyTenant> context) {
    Deployment withReplicas = new DeploymentBuilder(desired)
        .editSpec()
          .withReplicas(actual.getSpec() == null ? null : actual.getSpec().getReplicas())
        .endSpec()
        .build();
    return super.update(actual, withReplicas, tenant, context);
  }
}
