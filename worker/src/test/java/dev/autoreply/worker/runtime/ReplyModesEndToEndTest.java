package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.mail.InboundMail;
import dev.autoreply.worker.mail.MailParser;
import dev.autoreply.worker.testing.FakeGmailServerDraft;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The globex sample tenant in its own draft mode, and switched to shadow mode. */
class ReplyModesEndToEndTest {

  private static final String MAILBOX = "helpdesk@globex.example";
  private static final String MODEL_REPLY = "Thank you, we opened a ticket for your printer.";

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  static Path temp;

  private static WorkerHarness.Servers servers;

  @BeforeAll
  static void startServers() throws Exception {
    servers = WorkerHarness.Servers.start();
    servers.gemini.replyWith(MODEL_REPLY, 50, 12);
  }

  @AfterAll
  static void stopServers() throws Exception {
    servers.close();
  }

  @Test
  void draftModeLeavesDraftInThread() throws Exception {
    try (WorkerHarness worker = start(UnaryOperator.identity(), "draft")) {
      assertThat(worker.settings().mode()).isEqualTo("draft");

      String messageId = servers.gmail.deliver(MAILBOX,
          WorkerHarness.mail("Dana <dana@globex.example>", MAILBOX, "Printer jammed", "The printer on floor 2 is jammed."),
          null);
      worker.awaitAcked(worker.notifyMailbox(MAILBOX));

      List<FakeGmailServerDraft> drafts = servers.gmail.drafts(MAILBOX);
      assertThat(drafts).hasSize(1);
      assertThat(drafts.get(0).threadId()).isEqualTo(messageId);
      InboundMail draft = new MailParser().parse(drafts.get(0).raw());
      assertThat(draft.bodyText()).contains(MODEL_REPLY);
      assertThat(draft.header("Auto-Submitted")).isEqualTo("auto-replied");
      assertThat(servers.gmail.sent(MAILBOX)).isEmpty();

      LedgerEntry entry = worker.entry(messageId).orElseThrow();
      assertThat(entry.state()).isEqualTo(LedgerState.DRAFTED);
      assertThat(entry.reason()).isEqualTo("drafted");
    }
  }

  @Test
  void shadowModeOnlyRecords() throws Exception {
    try (WorkerHarness worker = start(settings -> WorkerHarness.withMode(settings, "shadow"), "shadow")) {
      int draftsBefore = servers.gmail.drafts(MAILBOX).size();
      int modelCallsBefore = servers.gemini.requests().size();

      String messageId = servers.gmail.deliver(MAILBOX,
          WorkerHarness.mail("Eli <eli@globex.example>", MAILBOX, "VPN down", "The VPN does not connect."),
          null);
      worker.awaitAcked(worker.notifyMailbox(MAILBOX));

      assertThat(servers.gmail.drafts(MAILBOX)).hasSize(draftsBefore);
      assertThat(servers.gmail.sent(MAILBOX)).isEmpty();
      assertThat(servers.gemini.requests()).as("shadow mode still drafts with the model")
          .hasSize(modelCallsBefore + 1);
      LedgerEntry entry = worker.entry(messageId).orElseThrow();
      assertThat(entry.state()).isEqualTo(LedgerState.SKIPPED);
      assertThat(entry.reason()).isEqualTo("shadow_mode");
      assertThat(worker.scrape()).contains(
          "autoreply_messages_total{outcome=\"skipped\",reason=\"shadow_mode\",tenant=\"globex/globex-helpdesk\"} 1.0");
    }
  }

  private static WorkerHarness start(UnaryOperator<WorkerSettings> mutation, String name)
      throws Exception {
    return WorkerHarness.start(servers, FIRESTORE.hostAndPort(), WorkerHarness.GLOBEX_TENANT,
        mutation, WorkerHarness.FAST, temp.resolve(name));
  }
}
