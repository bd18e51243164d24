package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerAutoscalerModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The worker HorizontalPodAutoscaler. Its reconcile precondition {@link NotSuspendedCondition}
 * makes JOSDK delete it while the tenant is suspended.
 */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class WorkerAutoscalerDependent extends TenantDependentResource<HorizontalPodAutoscaler> {

  public WorkerAutoscalerDependent() {
    super(HorizontalPodAutoscaler.class);
  }

  @Override
  HorizontalPodAutoscaler build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return WorkerAutoscalerModel.desired(tenant, inputs.scaling(), inputs.bounds());
  }
}
