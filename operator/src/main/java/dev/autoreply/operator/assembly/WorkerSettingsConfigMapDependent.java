package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerNames;
import dev.autoreply.operator.model.WorkerSettingsConfigMapModel;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class WorkerSettingsConfigMapDependent extends TenantDependentResource<ConfigMap> {

  public WorkerSettingsConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  ConfigMap build(AutoReplyTenant tenant, DesiredInputs inputs) {
    return WorkerSettingsConfigMapModel.desired(tenant, inputs.policy());
  }
}
