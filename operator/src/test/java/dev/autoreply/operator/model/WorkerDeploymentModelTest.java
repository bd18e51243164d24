package dev.autoreply.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerDeploymentModelTest {

  private static final OperatorDefaults DEFAULTS = OperatorDefaults.withWorkerImage("worker:test");

  @Test
  void deploymentHasNoReplicas() {
    Deployment deployment = desired(Fixtures.tenant(), Fixtures.policy());

    assertThat(deployment.getSpec().getReplicas()).isNull();
  }

  @Test
  void deploymentMetadataAndSelector() {
    Deployment deployment = desired(Fixtures.tenant(), Fixtures.policy());

    assertThat(deployment.getMetadata().getName()).isEqualTo("acme-support-worker");
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo("acme");
    assertThat(deployment.getMetadata().getLabels()).isEqualTo(Map.of(
        "app.kubernetes.io/name", "autoreply-worker",
        "app.kubernetes.io/instance", "acme-support",
        "app.kubernetes.io/component", "worker",
        "app.kubernetes.io/part-of", "autoreply",
        "app.kubernetes.io/managed-by", "autoreply-operator"));
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(
        "app.kubernetes.io/name", "autoreply-worker",
        "app.kubernetes.io/instance", "acme-support"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .isEqualTo(deployment.getMetadata().getLabels());
  }

  @Test
  void ownerReferenceIsController() {
    OwnerReference owner =
        desired(Fixtures.tenant(), Fixtures.policy()).getMetadata().getOwnerReferences().get(0);

    assertThat(owner.getApiVersion()).isEqualTo("autoreply.dev/v1alpha1");
    assertThat(owner.getKind()).isEqualTo("AutoReplyTenant");
    assertThat(owner.getName()).isEqualTo("acme-support");
    assertThat(owner.getUid()).isEqualTo(Fixtures.UID);
    assertThat(owner.getController()).isTrue();
    assertThat(owner.getBlockOwnerDeletion()).isTrue();
  }

  @Test
  void volumesAndMounts() {
    PodSpec pod = desired(Fixtures.tenant(), Fixtures.policy()).getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(pod.getVolumes()).hasSize(3);
    assertThat(pod.getVolumes().get(0).getName()).isEqualTo("settings");
    assertThat(pod.getVolumes().get(0).getConfigMap().getName())
        .isEqualTo("acme-support-worker-settings");
    assertThat(pod.getVolumes().get(1).getName()).isEqualTo("credentials");
    assertThat(pod.getVolumes().get(1).getSecret().getSecretName()).isEqualTo("acme-gmail");
    assertThat(pod.getVolumes().get(1).getSecret().getDefaultMode()).isEqualTo(0400);
    assertThat(pod.getVolumes().get(2).getName()).isEqualTo("tmp");
    assertThat(pod.getVolumes().get(2).getEmptyDir()).isNotNull();
    assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath)
        .containsExactly("/etc/autoreply/settings", "/etc/autoreply/credentials", "/tmp");
    assertThat(container.getVolumeMounts()).extracting(VolumeMount::getReadOnly)
        .containsExactly(true, true, null);
  }

  @Test
  void containerArgsPortAndProbes() {
    Container container = container(desired(Fixtures.tenant(), Fixtures.policy()));

    assertThat(container.getName()).isEqualTo("worker");
    assertThat(container.getArgs()).containsExactly("run",
        "--settings", "/etc/autoreply/settings/worker.yaml",
        "--credentials", "/etc/autoreply/credentials");
    assertThat(container.getPorts()).hasSize(1);
    assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getLivenessProbe().getHttpGet().getPort())
        .isEqualTo(new IntOrString("http"));
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPort())
        .isEqualTo(new IntOrString("http"));
  }

  @Test
  void securityContextIsRestricted() {
    Deployment deployment = desired(Fixtures.tenant(), Fixtures.policy());
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    var security = container(deployment).getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getServiceAccountName()).isEqualTo("acme-support-worker");
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @Test
  void defaultResourcesWhenSpecHasNone() {
    var resources = container(desired(Fixtures.tenant(), Fixtures.policy())).getResources();

    assertThat(resources.getRequests()).isEqualTo(Map.of(
        "cpu", new Quantity("250m"), "memory", new Quantity("512Mi")));
    assertThat(resources.getLimits()).isEqualTo(Map.of("memory", new Quantity("1Gi")));
  }

  @Test
  void specResourcesReplaceDefaults() {
    AutoReplyTenant tenant = Fixtures.tenant();
    tenant.getSpec().getScaling().setResources(new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity("500m"))
        .build());

    var resources = container(desired(tenant, Fixtures.policy())).getResources();

    assertThat(resources.getRequests()).isEqualTo(Map.of("cpu", new Quantity("500m")));
    assertThat(resources.getLimits()).isEmpty();
  }

  @Test
  void imagePrecedence() {
    AutoReplyTenant tenant = Fixtures.tenant();
    RegionPolicySpec policy = Fixtures.policy();
    assertThat(container(desired(tenant, policy)).getImage()).isEqualTo("worker:test");

    policy.setWorkerImage("worker:policy");
    assertThat(container(desired(tenant, policy)).getImage()).isEqualTo("worker:policy");

    tenant.getSpec().setImage("worker:tenant");
    assertThat(container(desired(tenant, policy)).getImage()).isEqualTo("worker:tenant");
  }

  @Test
  void settingsChangeChangesHash() {
    AutoReplyTenant tenant = Fixtures.tenant();
    String before = hash(desired(tenant, Fixtures.policy()));
    String unchanged = hash(desired(Fixtures.tenant(), Fixtures.policy()));
    tenant.getSpec().getReply().setInstructions("Answer in German.");

    String after = hash(desired(tenant, Fixtures.policy()));

    assertThat(unchanged).isEqualTo(before);
    assertThat(after).isNotEqualTo(before);
    assertThat(after).isEqualTo(WorkerSettingsRenderer.hash(
        WorkerSettingsRenderer.renderYaml(tenant, Fixtures.policy())));
  }

  private static Deployment desired(AutoReplyTenant tenant, RegionPolicySpec policy) {
    return WorkerDeploymentModel.desired(tenant, policy, DEFAULTS);
  }

  private static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static String hash(Deployment deployment) {
    return deployment.getSpec().getTemplate().getMetadata().getAnnotations()
        .get(WorkerNames.SETTINGS_HASH_ANNOTATION);
  }
}
