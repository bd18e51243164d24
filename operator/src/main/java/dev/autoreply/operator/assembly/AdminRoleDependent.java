package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.TenantRbacModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Role {@code <tenant>-tenant-admin}, present while spec.access.admins is not empty. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class AdminRoleDependent extends TenantDependentResource<Role> {

  public AdminRoleDependent() {
    super(Role.class);
  }

  @Override
  Role build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return TenantRbacModel.adminRole(tenant);
  }
}
