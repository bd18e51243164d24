package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.PubSubSpec;
import dev.autoreply.api.v1alpha1.ReplySpec;
import dev.autoreply.api.v1alpha1.ScheduleSpec;
import dev.autoreply.api.v1alpha1.SecretReference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;

/** Schedule windows and a tenant acme/acme-support that has them, fresh for each call. */
final class ScheduleFixtures {

  static final String UID = "6f1c1b0e-1d2a-4c3b-9e4f-0a1b2c3d4e5f";
  static final String NEW_YORK = "America/New_York";

  private ScheduleFixtures() {
  }

  static ScheduleSpec window(String name, String start, String end, String timeZone,
      Integer minReplicas, Integer maxReplicas) {
    ScheduleSpec window = new ScheduleSpec();
    window.setName(name);
    window.setStart(start);
    window.setEnd(end);
    window.setTimeZone(timeZone);
    window.setMinReplicas(minReplicas);
    window.setMaxReplicas(maxReplicas);
    return window;
  }

  /** Weekdays from 08:00 to 18:00 in New York with at least 10 replicas. */
  static ScheduleSpec businessHours() {
    return window("business-hours", "0 8 * * 1-5", "0 18 * * 1-5", NEW_YORK, 10, null);
  }

  static AutoReplyTenant tenant(ScheduleSpec... windows) {
    AutoReplyTenantSpec spec = new AutoReplyTenantSpec();
    spec.setMailboxes(List.of("support@acme.example"));
    spec.setCredentialsSecretRef(new SecretReference("acme-gmail"));
    PubSubSpec pubsub = new PubSubSpec();
    pubsub.setSubscription("projects/acme-autoreply-prod/subscriptions/gmail-push");
    spec.setPubsub(pubsub);
    ReplySpec reply = new ReplySpec();
    reply.setInstructions("Answer questions about Acme orders.");
    spec.setReply(reply);
    spec.setSchedules(new ArrayList<>(List.of(windows)));

    AutoReplyTenant tenant = new AutoReplyTenant();
    tenant.setMetadata(new ObjectMetaBuilder()
        .withName("acme-support")
        .withNamespace("acme")
        .withUid(UID)
        .build());
    tenant.setSpec(spec);
    return tenant;
  }
}
