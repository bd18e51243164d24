package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerNames;
import dev.autoreply.operator.model.WorkerServiceAccountModel;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class WorkerServiceAccountDependent extends TenantDependentResource<ServiceAccount> {

  public WorkerServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  ServiceAccount build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return WorkerServiceAccountModel.desired(tenant);
  }
}
