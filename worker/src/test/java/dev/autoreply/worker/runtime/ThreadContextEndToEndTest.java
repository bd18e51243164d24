package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A follow-up in a thread reaches the model with the thread's earlier messages, without quotes. */
class ThreadContextEndToEndTest {

  private static final String MAILBOX = "support@acme.example";

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  Path temp;

  @Test
  void followUpPromptCarriesEarlierMessages() throws Exception {
    try (WorkerHarness.Servers servers = WorkerHarness.Servers.start();
        WorkerHarness worker = WorkerHarness.start(servers, FIRESTORE.hostAndPort(),
            WorkerHarness.ACME_TENANT, UnaryOperator.identity(), WorkerHarness.FAST, temp)) {
      servers.gemini.replyWith("Your order left our store on Monday.", 40, 9);

      String first = servers.gmail.deliver(MAILBOX, raw("<q1@customer.example>", null,
          "Where is order 10482?", "I ordered a pruning saw last Friday. Where is order 10482?"), null);
      worker.awaitAcked(worker.notifyMailbox(MAILBOX));
      servers.gmail.deliver(MAILBOX, raw("<q2@customer.example>", "<q1@customer.example>",
          "Re: Where is order 10482?", "Can you add a saw blade?\n> I ordered a pruning saw last Friday."), first);
      worker.awaitAcked(worker.notifyMailbox(MAILBOX));

      String secondPrompt = userText(servers.gemini.requests().get(1).body());
      assertThat(servers.gemini.requests()).hasSize(2);
      assertThat(secondPrompt).startsWith("Earlier messages in this conversation:\nFrom: jo@customer.example\n"
          + "I ordered a pruning saw last Friday. Where is order 10482?");
      assertThat(secondPrompt).contains("From: support@acme.example\nYour order left our store on Monday.");
      assertThat(secondPrompt).endsWith("The message to answer:\nCustomer name: Jo\n"
          + "Subject: Re: Where is order 10482?\n\nCan you add a saw blade?\n> I ordered a pruning saw last Friday.");
    }
  }

  private static byte[] raw(String messageId, String inReplyTo, String subject, String body) {
    String headers = "From: Jo <jo@customer.example>\r\nTo: " + MAILBOX + "\r\nSubject: " + subject
        + "\r\nMessage-ID: " + messageId + "\r\n"
        + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n";
    return (headers + body.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String userText(String requestBody) throws Exception {
    JsonNode contents = new ObjectMapper().readTree(requestBody).path("contents");
    StringBuilder text = new StringBuilder();
    contents.forEach(content -> content.path("parts").forEach(part -> text.append(part.path("text").asText())));
    return text.toString();
  }
}
