package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A recurring window with its own replica bounds, e.g. weekdays from 08:00 to 18:00 in
 * America/New_York with at least 10 replicas. Outside every window, spec.scaling applies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas",
    message = "minReplicas of a schedule must not exceed its maxReplicas",
    messageExpression = "'minReplicas of schedule ' + self.name + ' must not exceed its maxReplicas'")
public class ScheduleSpec {

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?$")
  @JsonPropertyDescription("Window name, a DNS label of at most 20 characters; part of the CronJob names.")
  private String name;

  @Required
  @JsonPropertyDescription("Standard five-field cron expression of the window's start, e.g. 0 8 * * 1-5.")
  private String start;

  @Required
  @JsonPropertyDescription("Standard five-field cron expression of the window's end, e.g. 0 18 * * 1-5.")
  private String end;

  @Required
  @JsonPropertyDescription("IANA time zone of both cron expressions, e.g. America/New_York.")
  private String timeZone;

  @Min(1)
  @JsonPropertyDescription("Lower replica bound during the window; spec.scaling's when empty.")
  private Integer minReplicas;

  @Min(1)
  @JsonPropertyDescription("Upper replica bound during the window; spec.scaling's when empty.")
  private Integer maxReplicas;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
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
