package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** All objects the operator creates for one tenant, in the order it creates them. */
public final class TenantObjects {

  private TenantObjects() {
  }

  /** Builds the ServiceAccount, settings ConfigMap, Deployment and HorizontalPodAutoscaler. */
  public static List<HasMetadata> desired(
      AutoReplyTenant tenant, RegionPolicySpec policy, OperatorDefaults defaults) {
    return List.of(
        WorkerServiceAccountModel.desired(tenant),
        WorkerSettingsConfigMapModel.desired(tenant, policy),
        WorkerDeploymentModel.desired(tenant, policy, defaults),
        WorkerAutoscalerModel.desired(tenant, defaults));
  }
}
