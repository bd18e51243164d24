package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.ScalingSpec;
import dev.autoreply.operator.schedule.ReplicaBounds;

/**
 * Scaling values of a tenant: the explicit {@code spec.scaling} fields, else the tier's
 * {@link ScalePreset}, else the defaults below and the operator's.
 */
public final class TenantScaling {

  static final int DEFAULT_MIN_REPLICAS = 1;
  static final int DEFAULT_MAX_REPLICAS = 3;
  static final int DEFAULT_TARGET_CPU_UTILIZATION = 70;

  private TenantScaling() {
  }

  /** Resolves the scaling of a tenant without a schedule window applied. */
  public static ScalePreset resolve(ScalingSpec scaling, OperatorDefaults defaults) {
    ScalePreset base = scaling != null && scaling.getTier() != null
        ? ScalePreset.of(scaling.getTier())
        : new ScalePreset(DEFAULT_MIN_REPLICAS, DEFAULT_MAX_REPLICAS,
            DEFAULT_TARGET_CPU_UTILIZATION, defaults.workerResources(),
            defaults.scaleDownStabilizationSeconds());
    if (scaling == null) {
      return base;
    }
    return new ScalePreset(
        scaling.getMinReplicas() != null ? scaling.getMinReplicas() : base.minReplicas(),
        scaling.getMaxReplicas() != null ? scaling.getMaxReplicas() : base.maxReplicas(),
        scaling.getTargetCpuUtilization() != null
            ? scaling.getTargetCpuUtilization() : base.targetCpuUtilization(),
        scaling.getResources() != null ? scaling.getResources() : base.resources(),
        scaling.getScaleDownStabilizationSeconds() != null
            ? scaling.getScaleDownStabilizationSeconds() : base.scaleDownStabilizationSeconds());
  }

  /** Returns the replica bounds of the resolved scaling, before any schedule window. */
  public static ReplicaBounds baseBounds(ScalePreset scaling) {
    return new ReplicaBounds(scaling.minReplicas(), scaling.maxReplicas());
  }
}
