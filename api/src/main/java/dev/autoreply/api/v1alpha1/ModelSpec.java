package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelSpec {

  @Default("gemini-2.5-flash")
  @JsonPropertyDescription("Gemini model name on Vertex AI.")
  private String name = "gemini-2.5-flash";

  @Default("1024")
  @Min(16)
  @Max(8192)
  @JsonPropertyDescription("Upper bound on the tokens of one drafted reply.")
  private Integer maxOutputTokens = 1024;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getMaxOutputTokens() {
    return maxOutputTokens;
  }

  public void setMaxOutputTokens(Integer maxOutputTokens) {
    this.maxOutputTokens = maxOutputTokens;
  }
}
