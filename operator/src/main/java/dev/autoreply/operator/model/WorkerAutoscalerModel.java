package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.ScalingSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;

/** Desired autoscaling/v2 HorizontalPodAutoscaler of a tenant's worker Deployment. */
public final class WorkerAutoscalerModel {

  private WorkerAutoscalerModel() {
  }

  /** Builds the autoscaler that keeps average CPU utilization near the tenant's target. */
  public static HorizontalPodAutoscaler desired(AutoReplyTenant tenant, OperatorDefaults defaults) {
    String name = WorkerNames.workerName(tenant.getMetadata().getName());
    ScalingSpec scaling = tenant.getSpec().getScaling();
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, name))
        .withNewSpec()
          .withNewScaleTargetRef()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(name)
          .endScaleTargetRef()
          .withMinReplicas(TenantScaling.minReplicas(scaling))
          .withMaxReplicas(TenantScaling.maxReplicas(scaling))
          .addNewMetric()
            .withType("Resource")
            .withNewResource()
              .withName("cpu")
              .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(TenantScaling.targetCpuUtilization(scaling))
              .endTarget()
            .endResource()
          .endMetric()
          .withNewBehavior()
            .withNewScaleDown()
              .withStabilizationWindowSeconds(defaults.scaleDownStabilizationSeconds())
            .endScaleDown()
          .endBehavior()
        .endSpec()
        .build();
  }
}
