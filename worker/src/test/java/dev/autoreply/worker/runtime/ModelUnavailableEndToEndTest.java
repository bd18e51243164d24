package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.mail.MailParser;
import dev.autoreply.worker.testing.FakeGmailServerSentMessage;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Gemini answers 503 until its circuit opens: the defer and acknowledge policies. */
class ModelUnavailableEndToEndTest {

  private static final String MAILBOX = "support@acme.example";
  private static final String MODEL_REPLY = "Your rake handle ships tomorrow.";
  private static final String GEMINI_OPEN =
      "autoreply_circuit_state{dependency=\"gemini\",tenant=\"acme/acme-support\"} 2.0";

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  Path temp;

  // One fake Gmail for the class, because the ledger keeps each mailbox's history cursor.
  private static WorkerHarness.Servers servers;

  @BeforeAll
  static void startServers() throws Exception {
    servers = WorkerHarness.Servers.start();
    servers.gemini.replyWith(MODEL_REPLY, 40, 9);
  }

  @AfterEach
  void endOutage() {
    servers.gemini.recover();
  }

  @AfterAll
  static void stopServers() throws Exception {
    servers.close();
  }

  @Test
  void deferRedeliversUntilModelRecovers() throws Exception {
    try (WorkerHarness worker = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
        WorkerHarness.ACME_TENANT, settings -> WorkerHarness.withModelUnavailable(settings, "defer"),
        WorkerHarness.FAST, temp)) {
      assertThat(worker.scrape()).contains(
          "autoreply_circuit_state{dependency=\"gemini\",tenant=\"acme/acme-support\"} 0.0");
      servers.gemini.failAll(503);
      int sentBefore = servers.gmail.sent(MAILBOX).size();

      String messageId = servers.gmail.deliver(MAILBOX,
          WorkerHarness.mail("Ann <ann@customer.example>", MAILBOX, "Rake handle", "Where is my rake handle?"),
          null);
      String notification = worker.notifyMailbox(MAILBOX);

      WorkerHarness.await("gemini circuit open", () -> scrapeContains(worker, GEMINI_OPEN));
      WorkerHarness.await("notification redelivered",
          () -> servers.pubsub.deliveryCount(notification) >= 2);
      assertThat(servers.gmail.sent(MAILBOX)).hasSize(sentBefore);
      assertThat(servers.pubsub.ackedMessageIds()).doesNotContain(notification);
      assertThat(worker.entry(messageId)).as("claim released for the redelivery").isEmpty();

      servers.gemini.recover();
      worker.awaitAcked(notification);

      List<FakeGmailServerSentMessage> sent = servers.gmail.sent(MAILBOX).subList(sentBefore, servers.gmail.sent(MAILBOX).size());
      assertThat(sent).hasSize(1);
      assertThat(new MailParser().parse(sent.get(0).raw()).bodyText()).contains(MODEL_REPLY);
      LedgerEntry entry = worker.entry(messageId).orElseThrow();
      assertThat(entry.state()).isEqualTo(LedgerState.SENT);
      assertThat(entry.reason()).isEqualTo("sent");
    }
  }

  @Test
  void acknowledgeSendsTemplateOnce() throws Exception {
    try (WorkerHarness worker = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
        WorkerHarness.ACME_TENANT,
        settings -> WorkerHarness.withModelUnavailable(settings, "acknowledge"),
        WorkerHarness.FAST, temp)) {
      servers.gemini.failAll(503);
      int sentBefore = servers.gmail.sent(MAILBOX).size();

      String first = servers.gmail.deliver(MAILBOX,
          WorkerHarness.mail("Bo <bo@customer.example>", MAILBOX, "Broken shears", "My shears broke."),
          null);
      worker.awaitAcked(worker.notifyMailbox(MAILBOX));
      assertThat(worker.scrape()).contains(GEMINI_OPEN);
      int modelCallsWhileOpen = servers.gemini.requests().size();

      String second = servers.gmail.deliver(MAILBOX,
          WorkerHarness.mail("Cy <cy@customer.example>", MAILBOX, "Spare blade", "Do you sell spare blades?"),
          null);
      String secondNotification = worker.notifyMailbox(MAILBOX);
      worker.awaitAcked(secondNotification);
      worker.awaitAcked(worker.notifyMailbox(MAILBOX));

      assertThat(servers.pubsub.deliveryCount(secondNotification)).as("acked at once").isEqualTo(1);
      assertThat(servers.gemini.requests()).as("no model call while the circuit is open")
          .hasSize(modelCallsWhileOpen);
      List<FakeGmailServerSentMessage> sent = servers.gmail.sent(MAILBOX).subList(sentBefore, servers.gmail.sent(MAILBOX).size());
      assertThat(sent).hasSize(2);
      assertThat(new MailParser().parse(sent.get(1).raw()).bodyText())
          .contains("thank you for your mail about \"Spare blade\"");
      for (String messageId : List.of(first, second)) {
        LedgerEntry entry = worker.entry(messageId).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.SENT);
        assertThat(entry.reason()).isEqualTo("acknowledged");
      }
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
