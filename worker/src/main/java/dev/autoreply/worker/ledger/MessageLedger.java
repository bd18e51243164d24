package dev.autoreply.worker.ledger;

import java.util.Optional;


/**
 * Durable record of what the worker did with each mail, keyed by tenant and Gmail message id.
 * {@link #claim} is the idempotency point: it succeeds once per message, whatever the number of
 * workers and deliveries.
 */
public interface MessageLedger {

  /**
   * Creates the record of {@code messageId} in state claimed; returns false when the record
   * already exists, because another delivery or worker has the message.
   */
  boolean claim(String tenant, String messageId, String mailbox);

  /** Stores the final state of a claimed message with a short reason code. */
  void recordOutcome(String tenant, String messageId, LedgerState state, String reason);

  /**
   * Removes the claim of a message whose processing failed before anything was sent, so that a
   * redelivery processes it again.
   */
  void releaseClaim(String tenant, String messageId);

  /** Returns the stored state of a message, or empty when it was never claimed. */
  Optional<LedgerState> state(String tenant, String messageId);
}
