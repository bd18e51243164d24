package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerDeploymentModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class WorkerDeploymentDependent extends TenantDependentResource<Deployment> {

  public WorkerDeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  Deployment build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return WorkerDeploymentModel.desired(tenant, inputs.policy(), inputs.defaults(),
        inputs.scaling(), inputs.credentialsHash());
  }

  /**
   * Matches against the desired Deployment with the {@code spec.replicas} an update would write,
   * so suspending (to 0) and resuming (from 0 to the min bound) count as changes while the
   * count the HorizontalPodAutoscaler set does not.
   */
  @Override
  public Matcher.Result<Deployment> match(Deployment actual, Deployment desired,
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    return super.match(actual, withReplicas(actual, desired, tenant, context), tenant, context);
  }

  /**
   * Updates the Deployment with the replicas of {@link WorkerDeploymentModel#replicasOnUpdate}.
   * Without SSA, JOSDK replaces the whole spec with the desired one, and a desired spec without
   * replicas would reset the count the HorizontalPodAutoscaler set.
   */
  @Override
  public Deployment update(Deployment actual, Deployment desired, AutoReplyTenant tenant,
      Context<AutoReplyTenant> context) {
    return super.update(actual, withReplicas(actual, desired, tenant, context), tenant, context);
  }

  private static Deployment withReplicas(Deployment actual, Deployment desired,
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    Integer current = actual.getSpec() == null ? null : actual.getSpec().getReplicas();
    return new DeploymentBuilder(desired)
        .editSpec()
          .withReplicas(WorkerDeploymentModel.replicasOnUpdate(
              tenant, current, inputs(context).bounds().min()))
        .endSpec()
        .build();
  }
}
