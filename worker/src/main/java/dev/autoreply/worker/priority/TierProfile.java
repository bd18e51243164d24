package dev.autoreply.worker.priority;

import dev.autoreply.api.settings.WorkerSettings;
import java.util.Objects;

/**
 * Model settings used to draft the replies of one priority tier.
 *
 * @param model Gemini model name
 * @param maxOutputTokens upper bound on the tokens of one reply, 16 to 8192
 * @param tone tone word of the replies; empty means the prompt names no tone
 */
public record TierProfile(String model, int maxOutputTokens, String tone) {

  public static final int MIN_OUTPUT_TOKENS = 16;
  public static final int MAX_OUTPUT_TOKENS = 8192;

  /**
   * Checks the profile.
   *
   * @throws IllegalArgumentException if the model is blank or maxOutputTokens is outside 16 to
   *     8192, the range the AutoReplyTenant resource allows
   */
  public TierProfile {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank, but was \"" + model + "\"");
    }
    if (maxOutputTokens < MIN_OUTPUT_TOKENS || maxOutputTokens > MAX_OUTPUT_TOKENS) {
      throw new IllegalArgumentException("maxOutputTokens must be between " + MIN_OUTPUT_TOKENS
          + " and " + MAX_OUTPUT_TOKENS + ", but was " + maxOutputTokens);
    }
    model = model.strip();
    tone = Objects.requireNonNullElse(tone, "").strip();
  }

  /** Returns the profile of the tenant's own settings. */
  public static TierProfile of(WorkerSettings settings) {
    return new TierProfile(settings.model(), settings.maxOutputTokens(), settings.tone());
  }

  /** Returns this profile with the non-null fields of {@code override} in place of its own. */
  public TierProfile with(TierOverride override) {
    return new TierProfile(
        Objects.requireNonNullElse(override.model(), model),
        Objects.requireNonNullElse(override.maxOutputTokens(), maxOutputTokens),
        Objects.requireNonNullElse(override.tone(), tone));
  }

  /** Returns {@code settings} with this profile's model, maxOutputTokens and tone. */
  public WorkerSettings applyTo(WorkerSettings settings) {
    return new WorkerSettings(settings.tenant(), settings.mailboxes(), settings.subscription(),
        settings.projectId(), settings.vertexAiLocation(), settings.firestoreDatabase(), model,
        maxOutputTokens, tone, settings.mode(), settings.instructions(), settings.signature(),
        settings.template(), settings.topic(), settings.redisAddress(),
        settings.whenModelUnavailable(), settings.priority());
  }
}
