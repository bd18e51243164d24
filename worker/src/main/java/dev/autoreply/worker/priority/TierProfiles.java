package dev.autoreply.worker.priority;

import dev.autoreply.api.settings.WorkerSettings;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link TierProfile} of each priority tier of one tenant: the tenant's settings with the
 * tier's {@link TierOverride}, if any. All profiles are built and checked at construction, so
 * an invalid override fails at start and not on the first mail of that tier.
 */
public final class TierProfiles {

  private final WorkerSettings settings;
  private final Map<PriorityTier, TierProfile> profiles = new EnumMap<>(PriorityTier.class);

  /**
   * Creates the profiles.
   *
   * @param overrides per tier; a tier without an entry uses the tenant's settings unchanged
   * @throws IllegalArgumentException if a resulting profile is invalid, see {@link TierProfile}
   */
  public TierProfiles(WorkerSettings settings, Map<PriorityTier, TierOverride> overrides) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(overrides, "overrides");
    TierProfile defaults = TierProfile.of(settings);
    for (PriorityTier tier : PriorityTier.values()) {
      TierOverride override = overrides.getOrDefault(tier, TierOverride.NONE);
      try {
        profiles.put(tier, defaults.with(override == null ? TierOverride.NONE : override));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid override of priority tier "
            + tier.labelValue() + " of tenant " + settings.tenant() + ": " + e.getMessage(), e);
      }
    }
  }

  public TierProfile profile(PriorityTier tier) {
    return profiles.get(Objects.requireNonNull(tier, "tier"));
  }

  /** Returns the tenant's settings with the model, token limit and tone of {@code tier}. */
  public WorkerSettings settingsFor(PriorityTier tier) {
    return profile(tier).applyTo(settings);
  }
}
