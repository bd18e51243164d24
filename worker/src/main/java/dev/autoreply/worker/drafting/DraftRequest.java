package dev.autoreply.worker.drafting;

import dev.autoreply.api.settings.WorkerSettings;
import java.util.Objects;

/**
 * Everything a {@link ReplyDrafter} gets for one customer mail.
 *
 * @param settings the tenant's worker settings (model, tone, instructions, signature, template)
 * @param messageId Gmail message id, used in logs only
 * @param senderName display name of the sender, empty when the From header has none
 * @param senderAddress address of the sender
 * @param subject subject of the mail, empty when missing
 * @param body decoded plain text of the mail
 * @param threadText decoded text of the earlier messages of the thread, empty when none
 * @param customerContext what the tenant's customer directory says about the sender, empty when
 *     the sender is unknown
 */
public record DraftRequest(
    WorkerSettings settings,
    String messageId,
    String senderName,
    String senderAddress,
    String subject,
    String body,
    String threadText,
    String customerContext) {

  public DraftRequest {
    Objects.requireNonNull(settings, "settings");
    messageId = Objects.requireNonNullElse(messageId, "");
    senderName = Objects.requireNonNullElse(senderName, "");
    senderAddress = Objects.requireNonNullElse(senderAddress, "");
    subject = Objects.requireNonNullElse(subject, "");
    body = Objects.requireNonNullElse(body, "");
    threadText = Objects.requireNonNullElse(threadText, "");
    customerContext = Objects.requireNonNullElse(customerContext, "");
  }

  /** Creates a request without customer context. */
  public DraftRequest(WorkerSettings settings, String messageId, String senderName,
      String senderAddress, String subject, String body, String threadText) {
    this(settings, messageId, senderName, senderAddress, subject, body, threadText, "");
  }
}
