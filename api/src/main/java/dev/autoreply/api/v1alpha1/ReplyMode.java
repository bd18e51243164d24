package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ReplyMode {
  @JsonProperty("send")
  SEND,
  @JsonProperty("draft")
  DRAFT,
  @JsonProperty("shadow")
  SHADOW
}
