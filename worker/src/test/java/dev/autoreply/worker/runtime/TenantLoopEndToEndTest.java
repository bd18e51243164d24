package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.mail.MailParser;
import dev.autoreply.worker.testing.FakeGmailServerSentMessage;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants whose workers answer each other's mail: acme's support mailbox writes to globex's
 * helpdesk, and the test delivers every sent reply into the other tenant's mailbox, as Gmail
 * would. The reply's loop markers (our marker header and Auto-Submitted) make the other side skip
 * it, so the exchange stops after the first auto-reply.
 */
class TenantLoopEndToEndTest {

  private static final String ACME = "support@acme.example";
  private static final String GLOBEX = "helpdesk@globex.example";
  private static final int MAX_ROUNDS = 6;

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  Path temp;

  @Test
  void autoRepliesStopAfterOneRound() throws Exception {
    try (WorkerHarness.Servers servers = WorkerHarness.Servers.start();
        WorkerHarness acme = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
            WorkerHarness.ACME_TENANT, settings -> settings, WorkerHarness.FAST, temp.resolve("acme"));
        WorkerHarness globex = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
            WorkerHarness.GLOBEX_TENANT, settings -> WorkerHarness.withMode(settings, "send"),
            WorkerHarness.FAST, temp.resolve("globex"))) {
      servers.gemini.replyWith("We received your mail and will answer soon.", 30, 10);

      String opening = servers.gmail.deliver(GLOBEX,
          WorkerHarness.mail("Acme Support <" + ACME + ">", GLOBEX, "Invoice 42", "Please resend invoice 42."),
          null);
      globex.awaitAcked(globex.notifyMailbox(GLOBEX));

      int forwardedFromAcme = 0;
      int forwardedFromGlobex = 0;
      String globexReplyInAcme = null;
      for (int round = 0; round < MAX_ROUNDS; round++) {
        List<FakeGmailServerSentMessage> fromGlobex = servers.gmail.sent(GLOBEX);
        List<FakeGmailServerSentMessage> fromAcme = servers.gmail.sent(ACME);
        if (fromGlobex.size() == forwardedFromGlobex && fromAcme.size() == forwardedFromAcme) {
          break;
        }
        for (FakeGmailServerSentMessage reply : fromGlobex.subList(forwardedFromGlobex, fromGlobex.size())) {
          globexReplyInAcme = servers.gmail.deliver(ACME, reply.raw(), null);
          acme.awaitAcked(acme.notifyMailbox(ACME));
        }
        for (FakeGmailServerSentMessage reply : fromAcme.subList(forwardedFromAcme, fromAcme.size())) {
          servers.gmail.deliver(GLOBEX, reply.raw(), null);
          globex.awaitAcked(globex.notifyMailbox(GLOBEX));
        }
        forwardedFromGlobex = fromGlobex.size();
        forwardedFromAcme = fromAcme.size();
      }

      assertThat(servers.gmail.sent(GLOBEX)).as("replies of globex").hasSize(1);
      assertThat(servers.gmail.sent(ACME)).as("replies of acme").isEmpty();
      assertThat(new MailParser().parse(servers.gmail.sent(GLOBEX).get(0).raw()).header("Auto-Submitted"))
          .isEqualTo("auto-replied");

      LedgerEntry globexEntry = globex.entry(opening).orElseThrow();
      assertThat(globexEntry.state()).isEqualTo(LedgerState.SENT);
      LedgerEntry acmeEntry = acme.entry(globexReplyInAcme).orElseThrow();
      assertThat(acmeEntry.state()).isEqualTo(LedgerState.SKIPPED);
      // Our own reply marker is checked before Auto-Submitted, and is the surer signal.
      assertThat(acmeEntry.reason()).isEqualTo("already_auto_replied");
    }
  }
}
