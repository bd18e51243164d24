package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Size class of a tenant by daily mail volume; each sets presets for the worker fleet. */
public enum ScaleTier {
  @JsonProperty("small")
  SMALL,
  @JsonProperty("medium")
  MEDIUM,
  @JsonProperty("large")
  LARGE,
  @JsonProperty("enterprise")
  ENTERPRISE
}
