package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Tone {
  @JsonProperty("friendly")
  FRIENDLY,
  @JsonProperty("formal")
  FORMAL,
  @JsonProperty("concise")
  CONCISE,
  @JsonProperty("empathetic")
  EMPATHETIC
}
