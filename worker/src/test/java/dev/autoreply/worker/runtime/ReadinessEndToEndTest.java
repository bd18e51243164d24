package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /readyz follows Firestore: ready while the emulator runs, not ready once it is stopped. */
class ReadinessEndToEndTest {

  private static final String MAILBOX = "support@acme.example";

  @TempDir
  Path temp;

  @Test
  void readyzFollowsFirestore() throws Exception {
    // An emulator of this test alone, because the test stops it.
    FirestoreEmulator firestore = new FirestoreEmulator();
    firestore.start();
    try (firestore;
        WorkerHarness.Servers servers = WorkerHarness.Servers.start();
        WorkerHarness worker = WorkerHarness.start(servers, firestore.hostAndPort(),
            WorkerHarness.ACME_TENANT, settings -> settings, WorkerHarness.FAST, temp)) {
      assertThat(worker.get("/readyz").statusCode()).isEqualTo(200);
      assertThat(worker.scrape()).contains(
          "autoreply_circuit_state{dependency=\"gmail\",tenant=\"acme/acme-support\"} 0.0");

      firestore.close();
      Thread.sleep(2 * WorkerHarness.FAST.readinessCheckInterval().toMillis());

      assertThat(worker.get("/readyz").statusCode()).isEqualTo(503);
      assertThat(worker.get("/healthz").statusCode()).as("liveness does not follow Firestore")
          .isEqualTo(200);

      worker.notifyMailbox(MAILBOX);
      WorkerHarness.await("ledger error counted", () -> scrapeContains(worker,
          "autoreply_ledger_errors_total{operation=\"read_cursor\",tenant=\"acme/acme-support\"}"));
    }
  }

  private static boolean scrapeContains(WorkerHarness worker, String text) {
    try {
      return worker.scrape().contains(text);
    } catch (Exception e) {
      return false;
    }
  }
}
