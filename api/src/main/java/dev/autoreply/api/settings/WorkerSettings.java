package dev.autoreply.api.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Settings of one tenant's worker, rendered by the operator into the tenant's ConfigMap and
 * read by the worker at start. The file format is this record as YAML, see {@link
 * WorkerSettingsFile}.
 *
 * @param tenant namespace/name of the AutoReplyTenant, used in logs, metrics and ledger keys
 * @param mailboxes addresses the worker replies for, lower case
 * @param subscription full Pub/Sub subscription name of the Gmail push notifications
 * @param projectId Google Cloud project of Vertex AI and Firestore
 * @param vertexAiLocation Vertex AI location, e.g. europe-west1
 * @param firestoreDatabase Firestore database id of the reply ledger
 * @param model Gemini model name
 * @param maxOutputTokens upper bound on the tokens of one drafted reply
 * @param tone tone word of the replies (friendly, formal, concise, empathetic)
 * @param mode send, draft or shadow
 * @param instructions the tenant's instructions for the model
 * @param signature signature appended to every reply, may be empty
 * @param template reply text used without a model; {name}, {subject} and {signature} are filled in
 * @param topic Pub/Sub topic for users.watch, or null when the worker does not call users.watch
 * @param redisAddress host:port of the reply cache's Redis, or null for the in-process cache only
 * @param whenModelUnavailable defer or acknowledge, while the model's circuit breaker is open
 * @param priority the tenant's priority rules and per-tier model settings
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerSettings(
    String tenant,
    List<String> mailboxes,
    String subscription,
    String projectId,
    String vertexAiLocation,
    String firestoreDatabase,
    String model,
    int maxOutputTokens,
    String tone,
    String mode,
    String instructions,
    String signature,
    String template,
    String topic,
    String redisAddress,
    String whenModelUnavailable,
    PrioritySettings priority) {

  public WorkerSettings {
    mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
    whenModelUnavailable = whenModelUnavailable == null ? "defer" : whenModelUnavailable;
    priority = priority == null ? PrioritySettings.NONE : priority;
  }

  /** Creates settings without users.watch, shared cache or priority rules. */
  public WorkerSettings(String tenant, List<String> mailboxes, String subscription, String projectId,
      String vertexAiLocation, String firestoreDatabase, String model, int maxOutputTokens,
      String tone, String mode, String instructions, String signature, String template) {
    this(tenant, mailboxes, subscription, projectId, vertexAiLocation, firestoreDatabase, model,
        maxOutputTokens, tone, mode, instructions, signature, template, null, null, null, null);
  }
}
