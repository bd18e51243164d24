package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** Desired ServiceAccount of a tenant's worker pods. */
public final class WorkerServiceAccountModel {

  private WorkerServiceAccountModel() {
  }

  /**
   * Builds the ServiceAccount. The worker never calls the Kubernetes API, so no token is
   * mounted.
   */
  public static ServiceAccount desired(AutoReplyTenant tenant) {
    String name = WorkerNames.workerName(tenant.getMetadata().getName());
    return new ServiceAccountBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, name))
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
