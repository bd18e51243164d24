package dev.autoreply.worker.ledger;

import java.time.Instant;

/**
 * Ledger document of one Gmail message of one tenant.
 *
 * @param tenant namespace/name of the tenant
 * @param messageId Gmail message id
 * @param mailbox address of the mailbox that received the message
 * @param state latest state
 * @param reason short reason code of the latest state, empty when none was given
 * @param claimedAt when the message was claimed
 * @param updatedAt when the state last changed
 */
public record LedgerEntry(
    String tenant,
    String messageId,
    String mailbox,
    LedgerState state,
    String reason,
    Instant claimedAt,
    Instant updatedAt) {
}
