package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.TenantRbacModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Role {@code <tenant>-worker}, which lets the worker read only its Secret and ConfigMap. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class WorkerRoleDependent extends TenantDependentResource<Role> {

  public WorkerRoleDependent() {
    super(Role.class);
  }

  @Override
  Role build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return TenantRbacModel.workerRole(tenant);
  }
}
