package dev.autoreply.operator.model;

import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

/** Desired ConfigMap with the worker settings file under the key {@code worker.yaml}. */
public final class WorkerSettingsConfigMapModel {

  private WorkerSettingsConfigMapModel() {
  }

  public static ConfigMap desired(AutoReplyTenant tenant, RegionPolicySpec policy) {
    String name = WorkerNames.settingsConfigMapName(tenant.getMetadata().getName());
    return new ConfigMapBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, name))
        .addToData(WorkerSettingsFile.SETTINGS_KEY,
            WorkerSettingsRenderer.renderYaml(tenant, policy))
        .build();
  }
}
