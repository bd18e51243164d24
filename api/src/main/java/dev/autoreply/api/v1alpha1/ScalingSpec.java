package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScalingSpec {

  @Default("1")
  @Min(1)
  @JsonPropertyDescription("Lower replica bound of the HorizontalPodAutoscaler.")
  private Integer minReplicas = 1;

  @Default("3")
  @Min(1)
  @JsonPropertyDescription("Upper replica bound of the HorizontalPodAutoscaler.")
  private Integer maxReplicas = 3;

  @Default("70")
  @Min(10)
  @Max(100)
  @JsonPropertyDescription("Average CPU utilization, in percent of the request, that the HorizontalPodAutoscaler aims for.")
  private Integer targetCpuUtilization = 70;

  @JsonPropertyDescription("Requests and limits of the worker container.")
  private ResourceRequirements resources;

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
