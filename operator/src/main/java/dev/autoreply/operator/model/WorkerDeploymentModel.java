package dev.autoreply.operator.model;

import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Desired worker Deployment of a tenant. It sets {@code spec.replicas} only to suspend the
 * tenant, because the tenant's HorizontalPodAutoscaler owns that field.
 */
public final class WorkerDeploymentModel {

  public static final int HTTP_PORT = 8080;
  public static final String HTTP_PORT_NAME = "http";
  public static final String HEALTH_PATH = "/healthz";
  public static final String TMP_DIR = "/tmp";

  public static final String ZONE_TOPOLOGY_KEY = "topology.kubernetes.io/zone";

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

  /** Builds the Deployment with the spec's scaling and no credentials hash. */
  public static Deployment desired(
      AutoReplyTenant tenant, RegionPolicySpec policy, OperatorDefaults defaults) {
    return desired(tenant, policy, defaults,
        TenantScaling.resolve(tenant.getSpec().getScaling(), defaults), null);
  }

  /**
   * Builds the Deployment with the tenant's image, else the policy's, else the default. It sets
   * {@code spec.replicas} to 0 when the tenant is suspended and leaves it empty otherwise.
   *
   * @param credentialsHash {@link CredentialsHash} of the tenant's Secret, or null to leave the
   *     annotation out
   */
  public static Deployment desired(AutoReplyTenant tenant, RegionPolicySpec policy,
      OperatorDefaults defaults, ScalePreset scaling, String credentialsHash) {
    String tenantName = tenant.getMetadata().getName();
    String settingsHash = WorkerSettingsRenderer.hash(
        WorkerSettingsRenderer.renderYaml(tenant, policy));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(WorkerNames.SETTINGS_HASH_ANNOTATION, settingsHash);
    if (credentialsHash != null) {
      annotations.put(WorkerNames.CREDENTIALS_HASH_ANNOTATION, credentialsHash);
    }

    return new DeploymentBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, WorkerNames.workerName(tenantName)))
        .withNewSpec()
          .withReplicas(isSuspended(tenant) ? 0 : null)
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
              .withAnnotations(annotations)
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
              .withTopologySpreadConstraints(zoneSpread(tenantName))
              .withContainers(container(tenant, policy, scaling.resources(), defaults))
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

  /** Returns whether spec.suspend is true. */
  public static boolean isSuspended(AutoReplyTenant tenant) {
    return Boolean.TRUE.equals(tenant.getSpec().getSuspend());
  }

  /**
   * Returns the {@code spec.replicas} to write when updating a Deployment whose current value is
   * {@code current}: 0 while suspended, the min bound when the Deployment is at 0 but the tenant
   * is not suspended (a HorizontalPodAutoscaler does not scale up from 0), and else the current
   * value, which belongs to the HorizontalPodAutoscaler.
   */
  public static Integer replicasOnUpdate(AutoReplyTenant tenant, Integer current, int minBound) {
    if (isSuspended(tenant)) {
      return 0;
    }
    if (current != null && current == 0) {
      return minBound;
    }
    return current;
  }

  /** Spreads the pods over zones where the scheduler can, without blocking when it cannot. */
  private static TopologySpreadConstraint zoneSpread(String tenantName) {
    return new TopologySpreadConstraintBuilder()
        .withMaxSkew(1)
        .withTopologyKey(ZONE_TOPOLOGY_KEY)
        .withWhenUnsatisfiable("ScheduleAnyway")
        .withNewLabelSelector()
          .withMatchLabels(WorkerNames.selectorLabels(tenantName))
        .endLabelSelector()
        .build();
  }

  private static Container container(AutoReplyTenant tenant, RegionPolicySpec policy,
      ResourceRequirements resources, OperatorDefaults defaults) {
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
        .withResources(resources)
        .withSecurityContext(ContainerSecurity.restricted())
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
