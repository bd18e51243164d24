package dev.autoreply.worker.pipeline;

import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.ledger.MessageLedger;
import dev.autoreply.worker.observability.WorkerMetrics;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link MessageLedger} that counts each failed call in {@code autoreply_ledger_errors_total}
 * by operation and rethrows the failure unchanged.
 */
final class CountingLedger implements MessageLedger {

  private final MessageLedger ledger;
  private final WorkerMetrics metrics;

  CountingLedger(MessageLedger ledger, WorkerMetrics metrics) {
    this.ledger = ledger;
    this.metrics = metrics;
  }

  @Override
  public boolean claim(String tenant, String messageId, String mailbox) {
    return counted(metrics, "claim", () -> ledger.claim(tenant, messageId, mailbox));
  }

  @Override
  public void recordOutcome(String tenant, String messageId, LedgerState state, String reason) {
    counted(metrics, "record_outcome", () -> {
      ledger.recordOutcome(tenant, messageId, state, reason);
      return null;
    });
  }

  @Override
  public void releaseClaim(String tenant, String messageId) {
    counted(metrics, "release_claim", () -> {
      ledger.releaseClaim(tenant, messageId);
      return null;
    });
  }

  @Override
  public Optional<LedgerState> state(String tenant, String messageId) {
    return counted(metrics, "read_state", () -> ledger.state(tenant, messageId));
  }

  /** Runs {@code call} and counts a RuntimeException it throws under {@code operation}. */
  static <T> T counted(WorkerMetrics metrics, String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      metrics.countLedgerError(operation);
      throw e;
    }
  }
}
