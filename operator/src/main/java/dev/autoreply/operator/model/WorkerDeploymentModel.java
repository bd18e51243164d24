package dev.autoreply.operator.model;

import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ScalingSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;

/**
 * Desired worker Deployment of a tenant. It never sets {@code spec.replicas}, because the
 * tenant's HorizontalPodAutoscaler owns that field.
 */
public final class WorkerDeploymentModel {

  public static final int HTTP_PORT = 8080;
  public static final String HTTP_PORT_NAME = "http";
  public static final String HEALTH_PATH = "/healthz";
  public static final String TMP_DIR = "/tmp";

  static final String SETTINGS_VOLUME = "settings";
  static final String CREDENTIALS_VOLUME = "credentials";
  static final String TMP_VOLUME = "tmp";

  /**
   * User, group and fsGroup of the worker process. A numeric user lets the kubelet check
   * runAsNonRoot for any image. Without an fsGroup the Secret files are root-owned with mode
   * 0400, which the worker user cannot read, so the pod sets fsGroup for the kubelet to apply.
   * NOTE: not checked on a cluster here; if the worker cannot read its credentials, make
   * CREDENTIALS_FILE_MODE 0440.
   */
  public static final long WORKER_UID = 10001L;

  /** File mode 0400, so only the owner may read the credentials. */
  static final int CREDENTIALS_FILE_MODE = 0400;
  /** File mode 0444, because the settings contain no secrets. */
  static final int SETTINGS_FILE_MODE = 0444;

  private WorkerDeploymentModel() {
  }

  /** Builds the Deployment with the tenant's image, else the policy's, else the default. */
  public static Deployment desired(
      AutoReplyTenant tenant, RegionPolicySpec policy, OperatorDefaults defaults) {
    String tenantName = tenant.getMetadata().getName();
    String settingsHash = WorkerSettingsRenderer.hash(
        WorkerSettingsRenderer.renderYaml(tenant, policy));

    return new DeploymentBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, WorkerNames.workerName(tenantName)))
        .withNewSpec()
          .withNewSelector()
            .withMatchLabels(WorkerNames.selectorLabels(tenantName))
          .endSelector()
          .withNewStrategy()
            .withType("RollingUpdate")
            .withNewRollingUpdate()
              .withMaxSurge(new IntOrString(1))
              .withMaxUnavailable(new IntOrString(0))
            .endRollingUpdate()
          .endStrategy()
          .withNewTemplate()
            .withNewMetadata()
              .withLabels(WorkerNames.labels(tenantName))
              .withAnnotations(Map.of(WorkerNames.SETTINGS_HASH_ANNOTATION, settingsHash))
            .endMetadata()
            .withNewSpec()
              .withServiceAccountName(WorkerNames.workerName(tenantName))
              .withAutomountServiceAccountToken(false)
              .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(WORKER_UID)
                .withRunAsGroup(WORKER_UID)
                .withFsGroup(WORKER_UID)
                .withNewSeccompProfile()
                  .withType("RuntimeDefault")
                .endSeccompProfile()
              .endSecurityContext()
              .withContainers(container(tenant, policy, defaults))
              .withVolumes(volumes(tenant))
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  static String image(AutoReplyTenant tenant, RegionPolicySpec policy, OperatorDefaults defaults) {
    if (!SpecValidator.isBlank(tenant.getSpec().getImage())) {
      return tenant.getSpec().getImage();
    }
    if (!SpecValidator.isBlank(policy.getWorkerImage())) {
      return policy.getWorkerImage();
    }
    return defaults.workerImage();
  }

  static ResourceRequirements resources(AutoReplyTenant tenant, OperatorDefaults defaults) {
    ScalingSpec scaling = tenant.getSpec().getScaling();
    if (scaling != null && scaling.getResources() != null) {
      return scaling.getResources();
    }
    return defaults.workerResources();
  }

  private static Container container(
      AutoReplyTenant tenant, RegionPolicySpec policy, OperatorDefaults defaults) {
    String settingsFile = WorkerSettingsFile.SETTINGS_DIR + "/" + WorkerSettingsFile.SETTINGS_KEY;
    return new ContainerBuilder()
        .withName(WorkerNames.CONTAINER_NAME)
        .withImage(image(tenant, policy, defaults))
        .withImagePullPolicy("IfNotPresent")
        .withArgs("run",
            "--settings", settingsFile,
            "--credentials", WorkerSettingsFile.CREDENTIALS_DIR)
        .addNewPort()
          .withName(HTTP_PORT_NAME)
          .withContainerPort(HTTP_PORT)
          .withProtocol("TCP")
        .endPort()
        .withLivenessProbe(healthProbe(10))
        .withReadinessProbe(healthProbe(5))
        .withResources(resources(tenant, defaults))
        .withNewSecurityContext()
          .withRunAsNonRoot(true)
          .withReadOnlyRootFilesystem(true)
          .withAllowPrivilegeEscalation(false)
          .withNewCapabilities()
            .withDrop("ALL")
          .endCapabilities()
          .withNewSeccompProfile()
            .withType("RuntimeDefault")
          .endSeccompProfile()
        .endSecurityContext()
        .addNewVolumeMount()
          .withName(SETTINGS_VOLUME)
          .withMountPath(WorkerSettingsFile.SETTINGS_DIR)
          .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
          .withName(CREDENTIALS_VOLUME)
          .withMountPath(WorkerSettingsFile.CREDENTIALS_DIR)
          .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
          .withName(TMP_VOLUME)
          .withMountPath(TMP_DIR)
        .endVolumeMount()
        .build();
  }

  private static Probe healthProbe(int periodSeconds) {
    return new ProbeBuilder()
        .withNewHttpGet()
          .withPath(HEALTH_PATH)
          .withPort(new IntOrString(HTTP_PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .build();
  }

  private static List<Volume> volumes(AutoReplyTenant tenant) {
    String tenantName = tenant.getMetadata().getName();
    Volume settings = new VolumeBuilder()
        .withName(SETTINGS_VOLUME)
        .withNewConfigMap()
          .withName(WorkerNames.settingsConfigMapName(tenantName))
          .withDefaultMode(SETTINGS_FILE_MODE)
        .endConfigMap()
        .build();
    Volume credentials = new VolumeBuilder()
        .withName(CREDENTIALS_VOLUME)
        .withNewSecret()
          .withSecretName(tenant.getSpec().getCredentialsSecretRef().getName())
          .withDefaultMode(CREDENTIALS_FILE_MODE)
        .endSecret()
        .build();
    Volume tmp = new VolumeBuilder()
        .withName(TMP_VOLUME)
        .withNewEmptyDir()
        .endEmptyDir()
        .build();
    return List.of(settings, credentials, tmp);
  }
}
