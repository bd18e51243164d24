package dev.autoreply.worker.priority;

import java.util.Objects;

/**
 * Facts about one mail that the {@link PriorityClassifier} reads.
 *
 * @param tenant namespace/name of the tenant, for logs and metrics
 * @param messageId Gmail message id, for logs
 * @param senderAddress address of the sender
 * @param subject subject of the mail, empty when missing
 * @param body decoded plain text of the mail
 * @param threadReply true if the mail continues a thread that already had messages
 * @param customerTier tier of the sender in the customer directory, empty when unknown
 */
public record PriorityRequest(
    String tenant,
    String messageId,
    String senderAddress,
    String subject,
    String body,
    boolean threadReply,
    String customerTier) {

  public PriorityRequest {
    Objects.requireNonNull(tenant, "tenant");
    messageId = Objects.requireNonNullElse(messageId, "");
    senderAddress = Objects.requireNonNullElse(senderAddress, "");
    subject = Objects.requireNonNullElse(subject, "");
    body = Objects.requireNonNullElse(body, "");
    customerTier = Objects.requireNonNullElse(customerTier, "");
  }
}
