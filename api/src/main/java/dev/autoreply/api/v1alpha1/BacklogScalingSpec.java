package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class BacklogScalingSpec {

  @Default("20")
  @Min(1)
  @JsonPropertyDescription("Undelivered notifications per worker replica that the HorizontalPodAutoscaler aims for.")
  private Integer targetPerReplica = 20;

  public Integer getTargetPerReplica() {
    return targetPerReplica;
  }

  public void setTargetPerReplica(Integer targetPerReplica) {
    this.targetPerReplica = targetPerReplica;
  }
}
