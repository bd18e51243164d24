package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A user or group of the cluster's authentication, as in an RBAC RoleBinding subject. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AccessSubject {

  public enum Kind {
    @JsonProperty("User")
    USER,
    @JsonProperty("Group")
    GROUP
  }

  @Required
  @JsonPropertyDescription("User or Group.")
  private Kind kind;

  @Required
  @JsonPropertyDescription("User or group name as the cluster's authentication reports it.")
  private String name;

  public Kind getKind() {
    return kind;
  }

  public void setKind(Kind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
