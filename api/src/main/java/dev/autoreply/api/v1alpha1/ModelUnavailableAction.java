package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the worker does with a mail while the model's circuit breaker is open. */
public enum ModelUnavailableAction {
  /** Leave the mail unanswered and retry it when the model is back. */
  @JsonProperty("defer")
  DEFER,
  /** Send the tenant's template acknowledgement at once. */
  @JsonProperty("acknowledge")
  ACKNOWLEDGE
}
