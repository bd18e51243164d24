package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplySpec {

  @Required
  @JsonPropertyDescription("Instructions for the model: what the company does, what to promise and what never to say.")
  private String instructions;

  @JsonPropertyDescription("Signature appended to every reply.")
  private String signature;

  @JsonPropertyDescription("Reply text used when the model is not reachable; {name}, {subject} and {signature} are filled in.")
  private String template;

  @Default("defer")
  @JsonPropertyDescription("While the model is unavailable: defer retries the mail later; acknowledge sends the template at once.")
  private ModelUnavailableAction whenModelUnavailable = ModelUnavailableAction.DEFER;

  public String getInstructions() {
    return instructions;
  }

  public void setInstructions(String instructions) {
    this.instructions = instructions;
  }

  public String getSignature() {
    return signature;
  }

  public void setSignature(String signature) {
    this.signature = signature;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public ModelUnavailableAction getWhenModelUnavailable() {
    return whenModelUnavailable;
  }

  public void setWhenModelUnavailable(ModelUnavailableAction whenModelUnavailable) {
    this.whenModelUnavailable = whenModelUnavailable;
  }
}
