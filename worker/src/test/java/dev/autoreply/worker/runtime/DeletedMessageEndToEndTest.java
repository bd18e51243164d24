package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A mail deleted between history.list and messages.get is recorded as skipped, not retried. */
class DeletedMessageEndToEndTest {

  private static final String MAILBOX = "support@acme.example";

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  Path temp;

  @Test
  void deletedMessageIsSkipped() throws Exception {
    try (WorkerHarness.Servers servers = WorkerHarness.Servers.start();
        WorkerHarness worker = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
            WorkerHarness.ACME_TENANT, UnaryOperator.identity(), WorkerHarness.FAST, temp)) {
      String deleted = servers.gmail.deliver(MAILBOX,
          WorkerHarness.mail("Jo <jo@customer.example>", MAILBOX, "Order", "Where is my order?"), null);
      servers.gmail.delete(MAILBOX, deleted);

      worker.awaitAcked(worker.notifyMailbox(MAILBOX));

      LedgerEntry entry = worker.entry(deleted).orElseThrow();
      assertThat(entry.state()).isEqualTo(LedgerState.SKIPPED);
      assertThat(entry.reason()).isEqualTo("message_deleted");
      assertThat(servers.gmail.sent(MAILBOX)).isEmpty();
      assertThat(servers.gemini.requests()).isEmpty();
    }
  }
}
