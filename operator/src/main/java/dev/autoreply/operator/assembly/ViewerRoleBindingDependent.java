package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.TenantRbacModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** RoleBinding {@code <tenant>-tenant-viewer} to spec.access.viewers. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class ViewerRoleBindingDependent extends TenantDependentResource<RoleBinding> {

  public ViewerRoleBindingDependent() {
    super(RoleBinding.class);
  }

  @Override
  RoleBinding build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return TenantRbacModel.viewerRoleBinding(tenant);
  }
}
