package dev.autoreply.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerSettingsRendererTest {

  @Test
  void renderMapsSpecAndPolicy() {
    WorkerSettings settings = WorkerSettingsRenderer.render(Fixtures.tenant(), Fixtures.policy());

    assertThat(settings.tenant()).isEqualTo("acme/acme-support");
    assertThat(settings.mailboxes()).containsExactly("support@acme.example", "billing@acme.example");
    assertThat(settings.subscription())
        .isEqualTo("projects/acme-autoreply-prod/subscriptions/gmail-push");
    assertThat(settings.projectId()).isEqualTo("acme-autoreply-prod");
    assertThat(settings.vertexAiLocation()).isEqualTo("europe-west1");
    assertThat(settings.firestoreDatabase()).isEqualTo("replies");
    assertThat(settings.model()).isEqualTo("gemini-2.5-flash");
    assertThat(settings.maxOutputTokens()).isEqualTo(1024);
    assertThat(settings.tone()).isEqualTo("formal");
    assertThat(settings.mode()).isEqualTo("draft");
    assertThat(settings.instructions()).isEqualTo("Answer questions about Acme orders.");
    assertThat(settings.signature()).isEqualTo("The Acme support team");
    assertThat(settings.template()).isNull();
  }

  @Test
  void mailboxesLowerCasedAndDeduplicated() {
    AutoReplyTenant tenant = Fixtures.tenant();
    tenant.getSpec().setMailboxes(List.of(" Help@Acme.EXAMPLE", "help@acme.example", "b@acme.example"));

    WorkerSettings settings = WorkerSettingsRenderer.render(tenant, Fixtures.policy());

    assertThat(settings.mailboxes()).containsExactly("help@acme.example", "b@acme.example");
  }

  @Test
  void vertexLocationOverridesRegion() {
    RegionPolicySpec policy = Fixtures.policy();
    policy.setVertexAiLocation("us-central1");

    WorkerSettings settings = WorkerSettingsRenderer.render(Fixtures.tenant(), policy);

    assertThat(settings.vertexAiLocation()).isEqualTo("us-central1");
  }

  @Test
  void missingOptionalFieldsGetDefaults() {
    AutoReplyTenant tenant = Fixtures.tenant();
    tenant.getSpec().setModel(null);
    tenant.getSpec().setTone(null);
    tenant.getSpec().setMode(null);
    tenant.getSpec().getReply().setSignature(null);
    RegionPolicySpec policy = Fixtures.policy();
    policy.setFirestoreDatabase(null);

    WorkerSettings settings = WorkerSettingsRenderer.render(tenant, policy);

    assertThat(settings.model()).isEqualTo("gemini-2.5-flash");
    assertThat(settings.maxOutputTokens()).isEqualTo(1024);
    assertThat(settings.tone()).isEqualTo("friendly");
    assertThat(settings.mode()).isEqualTo("send");
    assertThat(settings.signature()).isEmpty();
    assertThat(settings.firestoreDatabase()).isEqualTo("(default)");
  }

  @Test
  void configMapHoldsSettingsFile() {
    ConfigMap configMap =
        WorkerSettingsConfigMapModel.desired(Fixtures.tenant(), Fixtures.policy());

    assertThat(configMap.getMetadata().getName()).isEqualTo("acme-support-worker-settings");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("acme");
    assertThat(configMap.getMetadata().getLabels()).isEqualTo(WorkerNames.labels("acme-support"));
    assertThat(configMap.getMetadata().getOwnerReferences()).hasSize(1);
    assertThat(configMap.getData()).containsOnlyKeys("worker.yaml");
    assertThat(WorkerSettingsFile.parse(configMap.getData().get("worker.yaml")))
        .isEqualTo(WorkerSettingsRenderer.render(Fixtures.tenant(), Fixtures.policy()));
  }

  @Test
  void hashIsSha256Hex() {
    assertThat(WorkerSettingsRenderer.hash(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
