package dev.autoreply.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.worker.WorkerMain;
import dev.autoreply.worker.ledger.FirestoreFactory;
import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.ledger.ReplyLedger;
import dev.autoreply.worker.mail.InboundMail;
import dev.autoreply.worker.mail.MailParser;
import dev.autoreply.worker.testing.FakeGeminiServer;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeGmailServerSentMessage;
import dev.autoreply.worker.testing.FakeOAuthTokenServer;
import dev.autoreply.worker.testing.FakePubSubServer;
import dev.autoreply.worker.testing.FirestoreEmulator;
import dev.autoreply.worker.testing.RenderedPod;
import dev.autoreply.worker.testing.RepositoryFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Feeds every mail of the real corpus through the whole worker, started from the files and
 * arguments the operator renders for the sample tenant: Gmail push through Pub/Sub (gRPC), Gmail
 * history and raw message (REST), the Firestore ledger (emulator), Gemini on Vertex AI (REST) and
 * the reply sent in the thread. Every notification is delivered twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorpusEndToEndTest {

  private static final String MAILBOX = "support@acme.example";
  private static final String MODEL_REPLY = "Thank you for writing to Acme. We are looking into it.";
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  static Path temp;

  private static FakeGmailServer gmail;
  private static FakePubSubServer pubsub;
  private static FakeGeminiServer gemini;
  private static FakeOAuthTokenServer tokens;
  private static WorkerRuntime worker;
  private static WorkerSettings settings;
  private static ReplyLedger ledger;
  private static int published;

  @BeforeAll
  static void startWorker() throws Exception {
    gmail = FakeGmailServer.start();
    pubsub = FakePubSubServer.start();
    gemini = new FakeGeminiServer();
    gemini.replyWith(MODEL_REPLY, 120, 14);
    tokens = new FakeOAuthTokenServer();

    RenderedPod pod = RenderedPod.render(RepositoryFiles.sampleTenant(), RepositoryFiles.sampleRegionPolicy(),
        Map.of(WorkerSettingsFile.CREDENTIALS_KEY, tokens.authorizedUserJson("acme-refresh-token")),
        temp.resolve("pod"));
    Path googleCredentials = Files.writeString(temp.resolve("workload-identity.json"),
        tokens.authorizedUserJson("workload-refresh-token"));
    settings = WorkerSettingsFile.read(pod.option("--settings"));

    worker = parseRunCommand(pod, googleCredentials).createRuntime();
    worker.start();

    ledger = new ReplyLedger(FirestoreFactory.emulator(
        settings.projectId(), settings.firestoreDatabase(), FIRESTORE.hostAndPort()));
  }

  @AfterAll
  static void stopWorker() throws Exception {
    if (worker != null) {
      worker.close();
    }
    for (AutoCloseable server : new AutoCloseable[] {gmail, gemini, tokens}) {
      if (server != null) {
        server.close();
      }
    }
    if (pubsub != null) {
      pubsub.close();
    }
  }

  static Stream<CorpusMail> corpus() throws IOException {
    return CorpusMail.readManifest().stream();
  }

  @Order(1)
  @Test
  void workerStartsFromRenderedPodArguments() {
    assertThat(settings.tenant()).isEqualTo("acme/acme-support");
    assertThat(settings.mailboxes()).containsExactly("support@acme.example", "help@acme.example");
    assertThat(tokens.refreshTokens()).contains("acme-refresh-token");
  }

  @Order(2)
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusMailGetsExpectedDecision(CorpusMail mail) throws Exception {
    int sentBefore = gmail.sent(MAILBOX).size();
    int modelCallsBefore = gemini.requests().size();

    String messageId = deliverTwice(mail);

    Optional<LedgerEntry> entry = ledger.find(settings.tenant(), messageId);
    assertThat(entry).as("ledger entry of " + mail.file()).isPresent();
    List<FakeGmailServerSentMessage> sent = gmail.sent(MAILBOX).subList(sentBefore, gmail.sent(MAILBOX).size());
    List<String> prompts = promptsSince(modelCallsBefore);

    switch (mail.expected()) {
      case "reply" -> assertReplied(mail, entry.get(), sent, prompts);
      case "skip" -> assertNotAnswered(entry.get(), sent, LedgerState.SKIPPED);
      case "review" -> {
        assertNotAnswered(entry.get(), sent, LedgerState.REVIEW);
        assertThat(gmail.addedLabels(MAILBOX, messageId)).containsExactly("autoreply/review");
      }
      case "reply-or-review" -> assertThat(entry.get().state()).isIn(LedgerState.SENT, LedgerState.REVIEW);
      default -> throw new IllegalStateException("unknown expected decision " + mail.expected());
    }
    assertThat(healthStatus()).isEqualTo(200);
  }

  @Order(3)
  @Test
  void metricsCountEveryCorpusMail() throws Exception {
    String scrape = get("/metrics").body();

    int expectedReplies = (int) corpus().filter(mail -> mail.expected().equals("reply")).count();
    assertThat(scrape).contains("autoreply_messages_total{outcome=\"replied\",reason=\"sent\",tenant=\"acme/acme-support\"} "
        + (expectedReplies + repliedStressFiles()) + ".0");
    assertThat(scrape).contains("autoreply_reply_latency_seconds_bucket");
    assertThat(scrape).contains("autoreply_model_tokens_total{kind=\"output\",model=\"gemini-2.5-flash\",tenant=\"acme/acme-support\"}");
  }

  private static long repliedStressFiles() throws IOException {
    long replied = 0;
    for (CorpusMail mail : CorpusMail.readManifest()) {
      if (mail.expected().equals("reply-or-review") && mail.gmailId() != null
          && ledger.find(settings.tenant(), mail.gmailId()).map(LedgerEntry::state).orElse(null) == LedgerState.SENT) {
        replied++;
      }
    }
    return replied;
  }

  private static void assertReplied(CorpusMail mail, LedgerEntry entry,
      List<FakeGmailServerSentMessage> sent, List<String> prompts) {
    assertThat(entry.state()).as("ledger state").isEqualTo(LedgerState.SENT);
    assertThat(sent).as("replies sent").hasSize(1);

    FakeGmailServerSentMessage reply = sent.get(0);
    InboundMail parent = new MailParser().parse(mail.raw());
    InboundMail parsedReply = new MailParser().parse(reply.raw());
    assertThat(reply.threadId()).isEqualTo(mail.threadId());
    assertThat(parsedReply.header("Auto-Submitted")).isEqualTo("auto-replied");
    assertThat(parsedReply.bodyText()).contains(MODEL_REPLY);
    assertThat(parsedReply.subject()).isEqualTo(expectedSubject(parent.subject()));
    if (parent.messageId() != null) {
      assertThat(parsedReply.inReplyTo()).isEqualTo(parent.messageId());
      assertThat(parsedReply.references()).endsWith(parent.messageId());
    }
    assertThat(parsedReply.to()).isEqualTo(parent.replyRecipients());

    if (!mail.bodyContains().equals("-")) {
      assertThat(prompts).as("prompts sent to the model").hasSize(1);
      assertThat(prompts.get(0)).contains(mail.bodyContains());
    }
  }

  /** Returns "Re: " + subject, without doubling a Re: prefix; "Re:" alone for an empty subject. */
  private static String expectedSubject(String parentSubject) {
    String subject = parentSubject == null ? "" : parentSubject.strip();
    if (subject.isEmpty()) {
      return "Re:";
    }
    return subject.regionMatches(true, 0, "re:", 0, 3) ? subject : "Re: " + subject;
  }

  private static void assertNotAnswered(LedgerEntry entry, List<FakeGmailServerSentMessage> sent,
      LedgerState state) {
    assertThat(sent).as("replies sent").isEmpty();
    assertThat(entry.state()).as("ledger state").isEqualTo(state);
    assertThat(entry.reason()).as("recorded reason").isNotBlank();
  }

  /** Delivers the mail to Gmail and publishes its notification twice; waits for both acks. */
  private static String deliverTwice(CorpusMail mail) throws InterruptedException {
    String messageId = gmail.deliver(MAILBOX, mail.raw(), mail.threadId());
    mail.gmailId(messageId);
    byte[] notification = ("{\"emailAddress\": \"" + MAILBOX + "\", \"historyId\": "
        + gmail.historyId(MAILBOX) + "}").getBytes(StandardCharsets.UTF_8);

    pubsub.publish(settings.subscription(), notification);
    pubsub.publish(settings.subscription(), notification);
    published += 2;

    assertThat(pubsub.awaitAcked(published, ACK_TIMEOUT))
        .as("both notifications of " + mail.file() + " acknowledged").isTrue();
    return messageId;
  }

  private static List<String> promptsSince(int index) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> prompts = new ArrayList<>();
    for (FakeGeminiServer.RecordedRequest request : gemini.requests().subList(index, gemini.requests().size())) {
      StringBuilder text = new StringBuilder();
      for (JsonNode content : json.readTree(request.body()).path("contents")) {
        content.path("parts").forEach(part -> text.append(part.path("text").asText()));
      }
      prompts.add(text.toString());
    }
    return prompts;
  }

  private static int healthStatus() throws Exception {
    return get("/healthz").statusCode();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + worker.adminPort() + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static RunCommand parseRunCommand(RenderedPod pod, Path googleCredentials) {
    List<String> args = new ArrayList<>(pod.args());
    args.addAll(List.of(
        "--gmail-root-url", gmail.rootUrl(),
        "--pubsub-endpoint", pubsub.hostPort(),
        "--firestore-emulator-host", FIRESTORE.hostAndPort(),
        "--vertex-base-url", gemini.baseUrl(),
        "--google-credentials", googleCredentials.toString(),
        "--admin-port", "0"));
    CommandLine.ParseResult parsed = new CommandLine(new WorkerMain()).parseArgs(args.toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("run");
    return (RunCommand) parsed.subcommand().commandSpec().userObject();
  }
}
