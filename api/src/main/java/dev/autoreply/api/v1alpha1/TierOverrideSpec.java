package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Model settings for one priority tier; empty fields keep the tenant's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TierOverrideSpec {

  @JsonPropertyDescription("Gemini model for this tier.")
  private String model;

  @Min(16)
  @Max(8192)
  @JsonPropertyDescription("Upper bound on one reply's tokens for this tier.")
  private Integer maxOutputTokens;

  @JsonPropertyDescription("Tone for this tier.")
  private Tone tone;

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public Integer getMaxOutputTokens() {
    return maxOutputTokens;
  }

  public void setMaxOutputTokens(Integer maxOutputTokens) {
    this.maxOutputTokens = maxOutputTokens;
  }

  public Tone getTone() {
    return tone;
  }

  public void setTone(Tone tone) {
    this.tone = tone;
  }
}
