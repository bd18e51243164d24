package dev.autoreply.operator.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.PubSubSpec;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ReplySpec;
import dev.autoreply.api.v1alpha1.SecretReference;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.model.WorkerDeploymentModel;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdditiveChangesMatcherTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @Test
  void defaultedValueMatches() {
    Deployment desired = desired();
    Deployment actual = new DeploymentBuilder(desired)
        .editSpec().withRevisionHistoryLimit(10).endSpec()
        .build();
    actual.getSpec().getTemplate().getSpec().getContainers().get(0).getLivenessProbe()
        .setTimeoutSeconds(1);

    // With the probe changed, zjsonpatch's default flags report the added 10 as a copy of the
    // probe's periodSeconds.
    JsonNode defaultDiff = JsonDiff.asJson(
        serialization.convertValue(desired, JsonNode.class),
        serialization.convertValue(actual, JsonNode.class));
    assertThat(defaultDiff.findValuesAsText("op")).contains("copy");
    assertThat(AdditiveChangesMatcher.matches(desired, actual, serialization)).isTrue();
  }

  @Test
  void replicasAndServerMetadataMatch() {
    Deployment desired = desired();
    Deployment actual = new DeploymentBuilder(desired)
        .editMetadata()
          .withResourceVersion("42")
          .withUid("d3c0ffee-0000-4000-8000-000000000001")
          .addToAnnotations("deployment.kubernetes.io/revision", "3")
        .endMetadata()
        .editSpec().withReplicas(5).endSpec()
        .withNewStatus().withAvailableReplicas(5).endStatus()
        .build();

    assertThat(AdditiveChangesMatcher.matches(desired, actual, serialization)).isTrue();
  }

  @Test
  void changedValueDoesNotMatch() {
    Deployment desired = desired();
    Deployment actual = new DeploymentBuilder(desired).build();
    actual.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("other:1");

    assertThat(AdditiveChangesMatcher.matches(desired, actual, serialization)).isFalse();
  }

  @Test
  void changedLabelDoesNotMatch() {
    Deployment desired = desired();
    Deployment actual = new DeploymentBuilder(desired)
        .editMetadata().addToLabels("app.kubernetes.io/part-of", "other").endMetadata()
        .build();

    assertThat(AdditiveChangesMatcher.matches(desired, actual, serialization)).isFalse();
  }

  @Test
  void addedDesiredVolumeDoesNotMatch() {
    Deployment actual = desired();
    Deployment desired = new DeploymentBuilder(actual).build();
    desired.getSpec().getTemplate().getSpec().getVolumes().add(
        new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("cache")
            .withNewEmptyDir().endEmptyDir().build());

    assertThat(AdditiveChangesMatcher.matches(desired, actual, serialization)).isFalse();
  }

  private static Deployment desired() {
    AutoReplyTenantSpec spec = new AutoReplyTenantSpec();
    spec.setMailboxes(List.of("support@acme.example"));
    spec.setCredentialsSecretRef(new SecretReference("acme-gmail"));
    PubSubSpec pubsub = new PubSubSpec();
    pubsub.setSubscription("projects/acme-autoreply-prod/subscriptions/gmail-push");
    spec.setPubsub(pubsub);
    ReplySpec reply = new ReplySpec();
    reply.setInstructions("Answer questions about Acme orders.");
    spec.setReply(reply);
    AutoReplyTenant tenant = new AutoReplyTenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName("acme-support").withNamespace("acme")
        .withUid("6f1c1b0e-1d2a-4c3b-9e4f-0a1b2c3d4e5f").build());
    tenant.setSpec(spec);
    RegionPolicySpec policy = new RegionPolicySpec();
    policy.setRegion("europe-west1");
    policy.setProjectId("acme-autoreply-prod");
    return WorkerDeploymentModel.desired(tenant, policy, OperatorDefaults.standard());
  }
}
