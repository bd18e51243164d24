package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.BacklogScalingSpec;
import dev.autoreply.operator.schedule.ReplicaBounds;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Desired autoscaling/v2 HorizontalPodAutoscaler of a tenant's worker Deployment. */
public final class WorkerAutoscalerModel {

  /**
   * External metric of a subscription's undelivered messages, as the Custom Metrics Stackdriver
   * Adapter on GKE serves Cloud Monitoring's pubsub.googleapis.com/subscription/num_undelivered_messages.
   */
  public static final String BACKLOG_METRIC =
      "pubsub.googleapis.com|subscription|num_undelivered_messages";
  public static final String SUBSCRIPTION_LABEL = "resource.labels.subscription_id";

  private WorkerAutoscalerModel() {
  }

  /** Builds the autoscaler with the scaling of the spec and no schedule window. */
  public static HorizontalPodAutoscaler desired(AutoReplyTenant tenant, OperatorDefaults defaults) {
    ScalePreset scaling = TenantScaling.resolve(tenant.getSpec().getScaling(), defaults);
    return desired(tenant, scaling, TenantScaling.baseBounds(scaling));
  }

  /**
   * Builds the autoscaler that keeps average CPU utilization near the target and, when
   * spec.scaling.backlog is set, also the Pub/Sub backlog per replica near its target.
   *
   * @param bounds replica bounds in force, with any schedule window applied
   */
  public static HorizontalPodAutoscaler desired(
      AutoReplyTenant tenant, ScalePreset scaling, ReplicaBounds bounds) {
    String name = WorkerNames.workerName(tenant.getMetadata().getName());
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, name))
        .withNewSpec()
          .withNewScaleTargetRef()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(name)
          .endScaleTargetRef()
          .withMinReplicas(bounds.min())
          .withMaxReplicas(bounds.max())
          .withMetrics(metrics(tenant, scaling))
          .withNewBehavior()
            .withNewScaleDown()
              .withStabilizationWindowSeconds(scaling.scaleDownStabilizationSeconds())
            .endScaleDown()
          .endBehavior()
        .endSpec()
        .build();
  }

  private static List<MetricSpec> metrics(AutoReplyTenant tenant, ScalePreset scaling) {
    List<MetricSpec> metrics = new ArrayList<>();
    metrics.add(new MetricSpecBuilder()
        .withType("Resource")
        .withNewResource()
          .withName("cpu")
          .withNewTarget()
            .withType("Utilization")
            .withAverageUtilization(scaling.targetCpuUtilization())
          .endTarget()
        .endResource()
        .build());
    BacklogScalingSpec backlog = tenant.getSpec().getScaling() == null
        ? null : tenant.getSpec().getScaling().getBacklog();
    if (backlog != null) {
      int perReplica = backlog.getTargetPerReplica() == null ? 20 : backlog.getTargetPerReplica();
      metrics.add(new MetricSpecBuilder()
          .withType("External")
          .withNewExternal()
            .withNewMetric()
              .withName(BACKLOG_METRIC)
              .withNewSelector()
                .withMatchLabels(Map.of(SUBSCRIPTION_LABEL,
                    subscriptionId(tenant.getSpec().getPubsub().getSubscription())))
              .endSelector()
            .endMetric()
            .withNewTarget()
              .withType("AverageValue")
              .withAverageValue(new Quantity(Integer.toString(perReplica)))
            .endTarget()
          .endExternal()
          .build());
    }
    return metrics;
  }

  /** Returns S of {@code projects/P/subscriptions/S}, the id Cloud Monitoring labels it with. */
  static String subscriptionId(String subscription) {
    return subscription.substring(subscription.lastIndexOf('/') + 1);
  }
}
