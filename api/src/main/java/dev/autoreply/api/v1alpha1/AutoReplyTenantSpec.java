package dev.autoreply.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoReplyTenantSpec {

  // NOTE: maxItems keeps the API server's cost estimate of the CEL rule within its budget.
  // 100 is a chosen limit, not one that Gmail or the worker sets.
  @Required
  @Size(min = 1, max = 100)
  @ValidationRule(value = "self.all(m, m.matches('^[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+$'))",
      message = "spec.mailboxes must contain only mail addresses such as support@example.com")
  @JsonPropertyDescription("Mailbox addresses this tenant answers for, e.g. support@example.com.")
  private List<String> mailboxes = new ArrayList<>();

  @Required
  @JsonPropertyDescription("Secret in this namespace that holds the Gmail credentials of the mailboxes.")
  private SecretReference credentialsSecretRef;

  @Required
  @JsonPropertyDescription("Pub/Sub subscription that receives the Gmail push notifications.")
  private PubSubSpec pubsub;

  @JsonPropertyDescription("Gemini model that drafts the replies.")
  private ModelSpec model = new ModelSpec();

  @Default("friendly")
  @JsonPropertyDescription("Tone of the replies.")
  private Tone tone = Tone.FRIENDLY;

  @Default("send")
  @JsonPropertyDescription("send: reply at once; draft: leave a Gmail draft for a person; shadow: record only.")
  private ReplyMode mode = ReplyMode.SEND;

  @Required
  @JsonPropertyDescription("What the replies say and how they are signed.")
  private ReplySpec reply;

  @JsonPropertyDescription("Replica bounds and resources of the worker Deployment.")
  private ScalingSpec scaling = new ScalingSpec();

  @JsonPropertyDescription("Worker container image; the RegionPolicy's or the operator's default when empty.")
  private String image;

  @Default("default")
  @JsonPropertyDescription("RegionPolicy that gives the Google Cloud project, Vertex AI location and Firestore database.")
  private String regionPolicy = RegionPolicy.DEFAULT_NAME;

  @Default("false")
  @JsonPropertyDescription("Stops the tenant's workers: no HorizontalPodAutoscaler and zero replicas until set back to false.")
  private Boolean suspend = false;

  // NOTE: maxItems bounds the cost estimate of the quadratic uniqueness rule. 24 is a chosen limit.
  @Size(max = 24)
  @ValidationRule(value = "self.all(s, self.exists_one(t, t.name == s.name))",
      message = "spec.schedules must not contain two schedules with the same name")
  @JsonPropertyDescription("Recurring windows with their own replica bounds, each started and ended by a CronJob.")
  private List<ScheduleSpec> schedules = new ArrayList<>();

  @JsonPropertyDescription("Users and groups that may edit or read this AutoReplyTenant.")
  private AccessSpec access;

  @JsonPropertyDescription("Rules that choose a priority tier, and each tier's model settings.")
  private PrioritySpec priority;

  public List<String> getMailboxes() {
    return mailboxes;
  }

  public void setMailboxes(List<String> mailboxes) {
    this.mailboxes = mailboxes;
  }

  public SecretReference getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }

  public PubSubSpec getPubsub() {
    return pubsub;
  }

  public void setPubsub(PubSubSpec pubsub) {
    this.pubsub = pubsub;
  }

  public ModelSpec getModel() {
    return model;
  }

  public void setModel(ModelSpec model) {
    this.model = model;
  }

  public Tone getTone() {
    return tone;
  }

  public void setTone(Tone tone) {
    this.tone = tone;
  }

  public ReplyMode getMode() {
    return mode;
  }

  public void setMode(ReplyMode mode) {
    this.mode = mode;
  }

  public ReplySpec getReply() {
    return reply;
  }

  public void setReply(ReplySpec reply) {
    this.reply = reply;
  }

  public ScalingSpec getScaling() {
    return scaling;
  }

  public void setScaling(ScalingSpec scaling) {
    this.scaling = scaling;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getRegionPolicy() {
    return regionPolicy;
  }

  public void setRegionPolicy(String regionPolicy) {
    this.regionPolicy = regionPolicy;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public List<ScheduleSpec> getSchedules() {
    return schedules;
  }

  public void setSchedules(List<ScheduleSpec> schedules) {
    this.schedules = schedules;
  }

  public AccessSpec getAccess() {
    return access;
  }

  public void setAccess(AccessSpec access) {
    this.access = access;
  }

  public PrioritySpec getPriority() {
    return priority;
  }

  public void setPriority(PrioritySpec priority) {
    this.priority = priority;
  }
}
