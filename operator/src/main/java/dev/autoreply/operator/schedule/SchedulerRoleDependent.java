package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The Role {@code <tenant>-scheduler} of the scheduler Jobs, built by {@link SchedulerAccessModel}. */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class SchedulerRoleDependent extends SchedulerDependentResource<Role> {

  public SchedulerRoleDependent() {
    super(Role.class);
  }

  @Override
  protected Role desired(AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    return SchedulerAccessModel.role(tenant);
  }
}
