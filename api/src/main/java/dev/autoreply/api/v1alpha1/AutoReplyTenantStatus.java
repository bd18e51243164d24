package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoReplyTenantStatus {

  @JsonPropertyDescription("metadata.generation of the spec that this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Current state of the tenant, following the Kubernetes API conventions.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Worker replicas that are ready.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Name of the schedule window in force, or empty outside every window.")
  private String activeSchedule;

  @JsonPropertyDescription("Number of mailboxes the tenant answers for.")
  private Integer mailboxes;

  @JsonPropertyDescription("Lower replica bound in force.")
  private Integer minReplicas;

  @JsonPropertyDescription("Upper replica bound in force.")
  private Integer maxReplicas;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof AutoReplyTenantStatus that)) {
      return false;
    }
    return Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(conditions, that.conditions)
        && Objects.equals(readyReplicas, that.readyReplicas)
        && Objects.equals(activeSchedule, that.activeSchedule)
        && Objects.equals(mailboxes, that.mailboxes)
        && Objects.equals(minReplicas, that.minReplicas)
        && Objects.equals(maxReplicas, that.maxReplicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions, readyReplicas, activeSchedule, mailboxes,
        minReplicas, maxReplicas);
  }

  public String getActiveSchedule() {
    return activeSchedule;
  }

  public void setActiveSchedule(String activeSchedule) {
    this.activeSchedule = activeSchedule;
  }

  public Integer getMailboxes() {
    return mailboxes;
  }

  public void setMailboxes(Integer mailboxes) {
    this.mailboxes = mailboxes;
  }

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }
}
