package dev.autoreply.operator.model;

import dev.autoreply.api.settings.PrioritySettings;
import dev.autoreply.api.v1alpha1.PrioritySpec;
import dev.autoreply.api.v1alpha1.TierOverrideSpec;
import dev.autoreply.api.v1alpha1.Tone;
import java.util.List;
import java.util.Locale;

/** Turns spec.priority into the priority part of the worker settings. */
final class PrioritySettingsRenderer {

  private PrioritySettingsRenderer() {
  }

  static PrioritySettings render(PrioritySpec spec) {
    if (spec == null) {
      return PrioritySettings.NONE;
    }
    return new PrioritySettings(
        lowerCase(spec.getVipDomains()),
        spec.getUrgentKeywords() == null ? List.of() : spec.getUrgentKeywords(),
        lowerCase(spec.getVipCustomerTiers()),
        Boolean.TRUE.equals(spec.getThreadRepliesFirst()),
        tier(spec.getUrgent()),
        tier(spec.getHigh()));
  }

  private static PrioritySettings.TierSettings tier(TierOverrideSpec override) {
    if (override == null) {
      return null;
    }
    Tone tone = override.getTone();
    return new PrioritySettings.TierSettings(override.getModel(), override.getMaxOutputTokens(),
        tone == null ? null : tone.name().toLowerCase(Locale.ROOT));
  }

  private static List<String> lowerCase(List<String> values) {
    return values == null ? List.of()
        : values.stream().map(value -> value.strip().toLowerCase(Locale.ROOT)).toList();
  }
}
