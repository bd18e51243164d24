package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas",
    message = "spec.scaling.minReplicas must not exceed spec.scaling.maxReplicas")
public class ScalingSpec {

  @JsonPropertyDescription("Preset of replica bounds, resources and CPU target sized for a mail volume;"
      + " the explicit fields below override it.")
  private ScaleTier tier;

  @Min(1)
  @JsonPropertyDescription("Lower replica bound of the HorizontalPodAutoscaler; the tier's when empty.")
  private Integer minReplicas;

  @Min(1)
  @JsonPropertyDescription("Upper replica bound of the HorizontalPodAutoscaler; the tier's when empty.")
  private Integer maxReplicas;

  @Min(10)
  @Max(100)
  @JsonPropertyDescription("Average CPU utilization, in percent of the request, that the HorizontalPodAutoscaler aims for.")
  private Integer targetCpuUtilization;

  @JsonPropertyDescription("Also scale on the Pub/Sub backlog of the subscription (external metric"
      + " pubsub.googleapis.com|subscription|num_undelivered_messages, served on GKE by the Custom"
      + " Metrics Stackdriver Adapter).")
  private BacklogScalingSpec backlog;

  @Min(0)
  @Max(3600)
  @JsonPropertyDescription("Seconds the HorizontalPodAutoscaler waits before it scales down.")
  private Integer scaleDownStabilizationSeconds;

  @JsonPropertyDescription("Requests and limits of the worker container.")
  private ResourceRequirements resources;

  public ScaleTier getTier() {
    return tier;
  }

  public void setTier(ScaleTier tier) {
    this.tier = tier;
  }

  public BacklogScalingSpec getBacklog() {
    return backlog;
  }

  public void setBacklog(BacklogScalingSpec backlog) {
    this.backlog = backlog;
  }

  public Integer getScaleDownStabilizationSeconds() {
    return scaleDownStabilizationSeconds;
  }

  public void setScaleDownStabilizationSeconds(Integer scaleDownStabilizationSeconds) {
    this.scaleDownStabilizationSeconds = scaleDownStabilizationSeconds;
  }

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  public Integer getTargetCpuUtilization() {
    return targetCpuUtilization;
  }

  public void setTargetCpuUtilization(Integer targetCpuUtilization) {
    this.targetCpuUtilization = targetCpuUtilization;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }
}
