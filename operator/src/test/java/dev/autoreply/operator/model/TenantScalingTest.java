package dev.autoreply.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.ScaleTier;
import dev.autoreply.api.v1alpha1.ScalingSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import org.junit.jupiter.api.Test;

class TenantScalingTest {

  private static final OperatorDefaults DEFAULTS = OperatorDefaults.standard();

  @Test
  void tierPresetsMatchTable() {
    assertPreset(ScaleTier.SMALL, 1, 2, 70, "250m", "512Mi");
    assertPreset(ScaleTier.MEDIUM, 2, 5, 65, "500m", "512Mi");
    assertPreset(ScaleTier.LARGE, 3, 20, 60, "1", "512Mi");
    assertPreset(ScaleTier.ENTERPRISE, 5, 100, 50, "1", "1Gi");
  }

  @Test
  void explicitFieldsOverrideTier() {
    ScalingSpec spec = new ScalingSpec();
    spec.setTier(ScaleTier.LARGE);
    spec.setMaxReplicas(8);
    spec.setScaleDownStabilizationSeconds(60);

    ScalePreset resolved = TenantScaling.resolve(spec, DEFAULTS);

    assertThat(resolved.minReplicas()).isEqualTo(3);
    assertThat(resolved.maxReplicas()).isEqualTo(8);
    assertThat(resolved.targetCpuUtilization()).isEqualTo(60);
    assertThat(resolved.scaleDownStabilizationSeconds()).isEqualTo(60);
    assertThat(resolved.resources().getRequests().get("cpu")).isEqualTo(new Quantity("1"));
  }

  @Test
  void explicitResourcesReplaceTierResources() {
    ResourceRequirements own = new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity("2")).build();
    ScalingSpec spec = new ScalingSpec();
    spec.setTier(ScaleTier.SMALL);
    spec.setResources(own);

    assertThat(TenantScaling.resolve(spec, DEFAULTS).resources()).isEqualTo(own);
  }

  @Test
  void noTierKeepsDefaults() {
    ScalePreset resolved = TenantScaling.resolve(new ScalingSpec(), DEFAULTS);

    assertThat(resolved.minReplicas()).isEqualTo(1);
    assertThat(resolved.maxReplicas()).isEqualTo(3);
    assertThat(resolved.targetCpuUtilization()).isEqualTo(70);
    assertThat(resolved.scaleDownStabilizationSeconds()).isEqualTo(300);
    assertThat(resolved.resources()).isEqualTo(OperatorDefaults.defaultWorkerResources());
  }

  private static void assertPreset(ScaleTier tier, int min, int max, int cpuTarget, String cpu,
      String memory) {
    ScalingSpec spec = new ScalingSpec();
    spec.setTier(tier);

    ScalePreset preset = TenantScaling.resolve(spec, DEFAULTS);

    assertThat(preset.minReplicas()).as(tier + " min").isEqualTo(min);
    assertThat(preset.maxReplicas()).as(tier + " max").isEqualTo(max);
    assertThat(preset.targetCpuUtilization()).as(tier + " CPU target").isEqualTo(cpuTarget);
    assertThat(preset.scaleDownStabilizationSeconds()).as(tier + " scale-down").isEqualTo(300);
    assertThat(preset.resources().getRequests().get("cpu")).as(tier + " CPU")
        .isEqualTo(new Quantity(cpu));
    assertThat(preset.resources().getRequests().get("memory")).as(tier + " memory request")
        .isEqualTo(new Quantity(memory));
    assertThat(preset.resources().getLimits().get("memory")).as(tier + " memory limit")
        .isEqualTo(new Quantity(memory));
    assertThat(preset.resources().getLimits()).as(tier + " limits").doesNotContainKey("cpu");
  }
}
