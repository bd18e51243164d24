package dev.autoreply.worker.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoreply.api.settings.WorkerSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierProfilesTest {

  private static final WorkerSettings SETTINGS = new WorkerSettings("shop-a/support",
      List.of("help@shop-a.example"), "projects/p/subscriptions/gmail", "demo-project",
      "europe-west1", "(default)", "gemini-2.5-flash", 512, "friendly", "send", "Be brief.",
      "Anna", "");

  @Test
  void tierWithoutOverrideUsesSettings() {
    TierProfiles profiles = new TierProfiles(SETTINGS, Map.of());

    assertThat(profiles.profile(PriorityTier.NORMAL))
        .isEqualTo(new TierProfile("gemini-2.5-flash", 512, "friendly"));
  }

  @Test
  void overrideReplacesOnlyGivenFields() {
    TierProfiles profiles = new TierProfiles(SETTINGS, Map.of(
        PriorityTier.URGENT, new TierOverride("gemini-2.5-pro", 1024, null),
        PriorityTier.HIGH, new TierOverride(null, null, "formal")));

    assertThat(profiles.profile(PriorityTier.URGENT))
        .isEqualTo(new TierProfile("gemini-2.5-pro", 1024, "friendly"));
    assertThat(profiles.profile(PriorityTier.HIGH))
        .isEqualTo(new TierProfile("gemini-2.5-flash", 512, "formal"));
    assertThat(profiles.profile(PriorityTier.NORMAL))
        .isEqualTo(new TierProfile("gemini-2.5-flash", 512, "friendly"));
  }

  @Test
  void settingsForAppliesProfile() {
    TierProfiles profiles = new TierProfiles(SETTINGS, Map.of(
        PriorityTier.URGENT, new TierOverride("gemini-2.5-pro", 2048, "empathetic")));

    WorkerSettings urgent = profiles.settingsFor(PriorityTier.URGENT);

    assertThat(urgent.model()).isEqualTo("gemini-2.5-pro");
    assertThat(urgent.maxOutputTokens()).isEqualTo(2048);
    assertThat(urgent.tone()).isEqualTo("empathetic");
    assertThat(urgent.tenant()).isEqualTo("shop-a/support");
    assertThat(urgent.instructions()).isEqualTo("Be brief.");
    assertThat(urgent.signature()).isEqualTo("Anna");
    assertThat(urgent.mode()).isEqualTo("send");
  }

  @Test
  void tokenOverrideOutOfRangeIsRejected() {
    Map<PriorityTier, TierOverride> overrides =
        Map.of(PriorityTier.HIGH, new TierOverride(null, 8193, null));

    assertThatThrownBy(() -> new TierProfiles(SETTINGS, overrides))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid override of priority tier high of tenant shop-a/support: "
            + "maxOutputTokens must be between 16 and 8192, but was 8193");
  }

  @Test
  void blankModelOverrideIsRejected() {
    Map<PriorityTier, TierOverride> overrides =
        Map.of(PriorityTier.URGENT, new TierOverride(" ", null, null));

    assertThatThrownBy(() -> new TierProfiles(SETTINGS, overrides))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model must not be blank");
  }

  @Test
  void nullToneBecomesEmpty() {
    assertThat(new TierProfile("gemini-2.5-flash", 16, null).tone()).isEmpty();
  }
}
