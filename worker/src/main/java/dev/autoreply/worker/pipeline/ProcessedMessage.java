package dev.autoreply.worker.pipeline;

import dev.autoreply.worker.observability.MessageOutcome;

/**
 * The decision on one mail.
 *
 * @param messageId Gmail message id of the inbound mail
 * @param outcome what happened to it
 * @param reason reason code of a skip, review or failure, {@code "-"} for a reply
 * @param reply the composed reply, or null when none was composed
 */
public record ProcessedMessage(
    String messageId, MessageOutcome outcome, String reason, byte[] reply) {
}
