package dev.autoreply.operator.model;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.ModelSpec;
import dev.autoreply.api.v1alpha1.ModelUnavailableAction;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ReplyMode;
import dev.autoreply.api.v1alpha1.Tone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the {@link WorkerSettings} of a tenant from its spec and its RegionPolicy. This is the
 * one place that maps the custom resources onto the worker's settings file.
 */
public final class WorkerSettingsRenderer {

  static final String DEFAULT_MODEL = "gemini-2.5-flash";
  static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;
  static final String DEFAULT_FIRESTORE_DATABASE = "(default)";

  private WorkerSettingsRenderer() {
  }

  /**
   * Builds the settings. Mailboxes are trimmed, lower-cased and deduplicated in their order;
   * the Vertex AI location is the policy's region when the policy sets none. Call {@link
   * SpecValidator} first, because a missing required field here raises a NullPointerException.
   */
  public static WorkerSettings render(AutoReplyTenant tenant, RegionPolicySpec policy) {
    AutoReplyTenantSpec spec = tenant.getSpec();
    ModelSpec model = spec.getModel() == null ? new ModelSpec() : spec.getModel();
    return new WorkerSettings(
        tenant.getMetadata().getNamespace() + "/" + tenant.getMetadata().getName(),
        normalizeMailboxes(spec.getMailboxes()),
        spec.getPubsub().getSubscription(),
        policy.getProjectId(),
        SpecValidator.isBlank(policy.getVertexAiLocation())
            ? policy.getRegion() : policy.getVertexAiLocation(),
        SpecValidator.isBlank(policy.getFirestoreDatabase())
            ? DEFAULT_FIRESTORE_DATABASE : policy.getFirestoreDatabase(),
        SpecValidator.isBlank(model.getName()) ? DEFAULT_MODEL : model.getName(),
        model.getMaxOutputTokens() == null
            ? DEFAULT_MAX_OUTPUT_TOKENS : model.getMaxOutputTokens(),
        toneWord(spec.getTone()),
        modeWord(spec.getMode()),
        spec.getReply().getInstructions(),
        spec.getReply().getSignature() == null ? "" : spec.getReply().getSignature(),
        spec.getReply().getTemplate(),
        spec.getPubsub().getTopic(),
        SpecValidator.isBlank(policy.getRedisAddress()) ? null : policy.getRedisAddress(),
        modelUnavailableWord(spec.getReply().getWhenModelUnavailable()),
        PrioritySettingsRenderer.render(spec.getPriority()));
  }

  private static String modelUnavailableWord(ModelUnavailableAction action) {
    return action == ModelUnavailableAction.ACKNOWLEDGE ? "acknowledge" : "defer";
  }

  /** Renders the settings file content, the value of the ConfigMap key {@code worker.yaml}. */
  public static String renderYaml(AutoReplyTenant tenant, RegionPolicySpec policy) {
    return WorkerSettingsFile.write(render(tenant, policy));
  }

  /** Returns the lower-case hex SHA-256 of the settings file content. */
  public static String hash(String settingsYaml) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(settingsYaml.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static List<String> normalizeMailboxes(List<String> mailboxes) {
    Set<String> normalized = new LinkedHashSet<>();
    for (String mailbox : mailboxes) {
      normalized.add(mailbox.trim().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(normalized);
  }

  // The words match the @JsonProperty names of the enums, which the CRD schema also uses.
  private static String toneWord(Tone tone) {
    return (tone == null ? Tone.FRIENDLY : tone).name().toLowerCase(Locale.ROOT);
  }

  private static String modeWord(ReplyMode mode) {
    return (mode == null ? ReplyMode.SEND : mode).name().toLowerCase(Locale.ROOT);
  }
}
