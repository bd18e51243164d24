package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ScalingSpec;
import dev.autoreply.operator.schedule.ScheduleWindows;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the fields the builders need. The CRD schema rejects most of these cases at admission,
 * but files given to {@code render} and objects created before a schema change never passed it.
 */
public final class SpecValidator {

  private SpecValidator() {
  }

  /** Returns one message per problem in the tenant spec, each naming the field; empty if valid. */
  public static List<String> validate(AutoReplyTenant tenant) {
    List<String> problems = new ArrayList<>();
    if (tenant.getMetadata() == null || isBlank(tenant.getMetadata().getName())) {
      problems.add("missing required field metadata.name");
    }
    AutoReplyTenantSpec spec = tenant.getSpec();
    if (spec == null) {
      problems.add("missing required field spec");
      return problems;
    }
    if (spec.getMailboxes() == null || spec.getMailboxes().isEmpty()) {
      problems.add("missing required field spec.mailboxes: list at least one mailbox address");
    } else if (spec.getMailboxes().stream().anyMatch(SpecValidator::isBlank)) {
      problems.add("invalid spec.mailboxes: an entry is empty");
    }
    if (spec.getCredentialsSecretRef() == null
        || isBlank(spec.getCredentialsSecretRef().getName())) {
      problems.add("missing required field spec.credentialsSecretRef.name");
    }
    if (spec.getPubsub() == null || isBlank(spec.getPubsub().getSubscription())) {
      problems.add("missing required field spec.pubsub.subscription");
    }
    if (spec.getReply() == null || isBlank(spec.getReply().getInstructions())) {
      problems.add("missing required field spec.reply.instructions");
    }
    validateScaling(spec.getScaling(), problems);
    if (spec.getSchedules() != null) {
      problems.addAll(ScheduleWindows.validate(spec.getSchedules()));
    }
    return problems;
  }

  /** Returns one message per problem in the RegionPolicy spec, each naming the field. */
  public static List<String> validate(RegionPolicy policy) {
    List<String> problems = new ArrayList<>();
    RegionPolicySpec spec = policy.getSpec();
    if (spec == null) {
      problems.add("missing required field spec");
      return problems;
    }
    if (isBlank(spec.getRegion())) {
      problems.add("missing required field spec.region");
    }
    if (isBlank(spec.getProjectId())) {
      problems.add("missing required field spec.projectId");
    }
    return problems;
  }

  private static void validateScaling(ScalingSpec scaling, List<String> problems) {
    if (scaling == null) {
      return;
    }
    // The defaults only fill resources and the scale-down window, which are not checked here.
    ScalePreset resolved = TenantScaling.resolve(scaling, OperatorDefaults.standard());
    int min = resolved.minReplicas();
    int max = resolved.maxReplicas();
    if (min < 1) {
      problems.add("invalid spec.scaling.minReplicas " + min + ": must be at least 1");
    }
    if (max < min) {
      problems.add("invalid spec.scaling.maxReplicas " + max
          + ": must not be less than spec.scaling.minReplicas " + min);
    }
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
