package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerDisruptionBudgetModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** PodDisruptionBudget {@code <tenant>-worker}, present while the min replica bound is at least 2. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class WorkerDisruptionBudgetDependent extends TenantDependentResource<PodDisruptionBudget> {

  public WorkerDisruptionBudgetDependent() {
    super(PodDisruptionBudget.class);
  }

  @Override
  PodDisruptionBudget build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return WorkerDisruptionBudgetModel.desired(tenant);
  }
}
