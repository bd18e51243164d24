package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.ScalingSpec;

/** Scaling values of a tenant with the CRD defaults filled in where the spec has none. */
final class TenantScaling {

  static final int DEFAULT_MIN_REPLICAS = 1;
  static final int DEFAULT_MAX_REPLICAS = 3;
  static final int DEFAULT_TARGET_CPU_UTILIZATION = 70;

  private TenantScaling() {
  }

  static int minReplicas(ScalingSpec scaling) {
    return scaling == null || scaling.getMinReplicas() == null
        ? DEFAULT_MIN_REPLICAS : scaling.getMinReplicas();
  }

  static int maxReplicas(ScalingSpec scaling) {
    return scaling == null || scaling.getMaxReplicas() == null
        ? DEFAULT_MAX_REPLICAS : scaling.getMaxReplicas();
  }

  static int targetCpuUtilization(ScalingSpec scaling) {
    return scaling == null || scaling.getTargetCpuUtilization() == null
        ? DEFAULT_TARGET_CPU_UTILIZATION : scaling.getTargetCpuUtilization();
  }
}
