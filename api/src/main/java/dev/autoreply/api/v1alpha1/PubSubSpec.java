package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PubSubSpec {

  @Required
  @Pattern("^projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/subscriptions/[A-Za-z][A-Za-z0-9._~+%-]{2,254}$")
  @JsonPropertyDescription("Full subscription name: projects/PROJECT/subscriptions/SUBSCRIPTION.")
  private String subscription;

  @Pattern("^projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/topics/[A-Za-z][A-Za-z0-9._~+%-]{2,254}$")
  @JsonPropertyDescription("Topic that Gmail publishes to (users.watch), projects/PROJECT/topics/TOPIC; without it the worker does not call users.watch.")
  private String topic;

  public String getSubscription() {
    return subscription;
  }

  public void setSubscription(String subscription) {
    this.subscription = subscription;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }
}
