package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.PubSubSpec;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ReplyMode;
import dev.autoreply.api.v1alpha1.ReplySpec;
import dev.autoreply.api.v1alpha1.ScalingSpec;
import dev.autoreply.api.v1alpha1.SecretReference;
import dev.autoreply.api.v1alpha1.Tone;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/** Tenant acme/acme-support and its RegionPolicy spec, fresh for each call. */
final class Fixtures {

  static final String UID = "6f1c1b0e-1d2a-4c3b-9e4f-0a1b2c3d4e5f";

  private Fixtures() {
  }

  static AutoReplyTenant tenant() {
    AutoReplyTenantSpec spec = new AutoReplyTenantSpec();
    spec.setMailboxes(List.of("Support@Acme.example", "billing@acme.example"));
    spec.setCredentialsSecretRef(new SecretReference("acme-gmail"));
    PubSubSpec pubsub = new PubSubSpec();
    pubsub.setSubscription("projects/acme-autoreply-prod/subscriptions/gmail-push");
    spec.setPubsub(pubsub);
    spec.setTone(Tone.FORMAL);
    spec.setMode(ReplyMode.DRAFT);
    ReplySpec reply = new ReplySpec();
    reply.setInstructions("Answer questions about Acme orders.");
    reply.setSignature("The Acme support team");
    spec.setReply(reply);
    ScalingSpec scaling = new ScalingSpec();
    scaling.setMinReplicas(2);
    scaling.setMaxReplicas(4);
    scaling.setTargetCpuUtilization(60);
    spec.setScaling(scaling);

    AutoReplyTenant tenant = new AutoReplyTenant();
    tenant.setMetadata(new ObjectMetaBuilder()
        .withName("acme-support")
        .withNamespace("acme")
        .withUid(UID)
        .withGeneration(3L)
        .build());
    tenant.setSpec(spec);
    return tenant;
  }

  static RegionPolicySpec policy() {
    RegionPolicySpec spec = new RegionPolicySpec();
    spec.setRegion("europe-west1");
    spec.setProjectId("acme-autoreply-prod");
    spec.setFirestoreDatabase("replies");
    return spec;
  }
}
