package dev.autoreply.api.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Settings of one tenant's worker, rendered by the operator into the tenant's ConfigMap and
 * read by the worker at start. The file format is this record as YAML, see {@link
 * WorkerSettingsFile}.
 *
 * @param tenant namespace/name of the AutoReplyTenant, used in logs, metrics and ledger keys
 * @param mailboxes addresses the worker answers for, lower case
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
    String template) {

  public WorkerSettings {
    mailboxes = List.copyOf(mailboxes);
  }
}
