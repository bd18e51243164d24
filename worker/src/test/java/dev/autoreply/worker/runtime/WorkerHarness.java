package dev.autoreply.worker.runtime;

import dev.autoreply.api.settings.PrioritySettings;
import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.worker.WorkerMain;
import dev.autoreply.worker.drafting.GeminiResilience;
import dev.autoreply.worker.ledger.FirestoreFactory;
import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.ReplyLedger;
import dev.autoreply.worker.testing.FakeGeminiServer;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeOAuthTokenServer;
import dev.autoreply.worker.testing.FakePubSubServer;
import dev.autoreply.worker.testing.RenderedPod;
import dev.autoreply.worker.testing.RepositoryFiles;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
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
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * One tenant's worker started the way a pod starts it: from the arguments and files that the
 * operator renders for a sample tenant, with the endpoints pointed at local fake servers and the
 * Firestore emulator. Several harnesses may share one {@link Servers}, for example two tenants
 * on one fake Gmail.
 */
final class WorkerHarness implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final Path ACME_TENANT = RepositoryFiles.sampleTenant();
  static final Path GLOBEX_TENANT =
      RepositoryFiles.root().resolve("config/samples/tenant-globex-helpdesk.yaml");

  /** The local servers a worker talks to; Firestore is an emulator the test class owns. */
  static final class Servers implements AutoCloseable {
    final FakeGmailServer gmail;
    final FakePubSubServer pubsub;
    final FakeGeminiServer gemini;
    final FakeOAuthTokenServer tokens;

    private Servers() throws IOException {
      gmail = FakeGmailServer.start();
      pubsub = FakePubSubServer.start();
      gemini = new FakeGeminiServer();
      tokens = new FakeOAuthTokenServer();
    }

    static Servers start() throws IOException {
      return new Servers();
    }

    @Override
    public void close() throws InterruptedException {
      gmail.close();
      gemini.close();
      tokens.close();
      pubsub.close();
    }
  }

  /** Resilience timing that lets a Gemini outage open the circuit within a second. */
  static final RuntimeTuning FAST = new RuntimeTuning(
      () -> GeminiResilience.retry(2, Duration.ofMillis(20)),
      WorkerHarness::fastGeminiCircuitBreaker,
      Duration.ofMillis(200),
      UnaryOperator.identity());

  private final Servers servers;
  private final WorkerSettings settings;
  private final WorkerRuntime runtime;
  private final ReplyLedger ledger;

  private WorkerHarness(Servers servers, WorkerSettings settings, WorkerRuntime runtime,
      ReplyLedger ledger) {
    this.servers = servers;
    this.settings = settings;
    this.runtime = runtime;
    this.ledger = ledger;
  }

  /**
   * Renders {@code tenantYaml}, rewrites its settings file with {@code mutation}, and starts the
   * worker with {@code tuning}.
   */
  static WorkerHarness start(Servers servers, String firestoreHost, Path tenantYaml,
      UnaryOperator<WorkerSettings> mutation, RuntimeTuning tuning, Path folder) throws IOException {
    Files.createDirectories(folder);
    RenderedPod pod = RenderedPod.render(tenantYaml, RepositoryFiles.sampleRegionPolicy(),
        Map.of(WorkerSettingsFile.CREDENTIALS_KEY, servers.tokens.authorizedUserJson("tenant-refresh-token")),
        folder.resolve("pod"));
    Path settingsFile = pod.option("--settings");
    WorkerSettings settings = mutation.apply(WorkerSettingsFile.read(settingsFile));
    Files.writeString(settingsFile, WorkerSettingsFile.write(settings), StandardCharsets.UTF_8);
    Path googleCredentials = Files.writeString(folder.resolve("workload-identity.json"),
        servers.tokens.authorizedUserJson("workload-refresh-token"));

    List<String> args = new ArrayList<>(pod.args());
    args.addAll(List.of(
        "--gmail-root-url", servers.gmail.rootUrl(),
        "--pubsub-endpoint", servers.pubsub.hostPort(),
        "--firestore-emulator-host", firestoreHost,
        "--vertex-base-url", servers.gemini.baseUrl(),
        "--google-credentials", googleCredentials.toString(),
        "--admin-port", "0"));
    CommandLine.ParseResult parsed = new CommandLine(new WorkerMain()).parseArgs(args.toArray(String[]::new));
    RunCommand command = (RunCommand) parsed.subcommand().commandSpec().userObject();
    WorkerRuntime runtime = command.createRuntime(tuning);
    runtime.start();

    ReplyLedger ledger = new ReplyLedger(FirestoreFactory.emulator(
        settings.projectId(), settings.firestoreDatabase(), firestoreHost));
    return new WorkerHarness(servers, settings, runtime, ledger);
  }

  WorkerSettings settings() {
    return settings;
  }

  WorkerRuntime runtime() {
    return runtime;
  }

  ReplyLedger ledger() {
    return ledger;
  }

  Optional<LedgerEntry> entry(String messageId) {
    return ledger.find(settings.tenant(), messageId);
  }

  /** Builds a plain-text customer mail with a Message-ID. */
  static byte[] mail(String from, String to, String subject, String body) {
    String raw = "From: " + from + "\r\n"
        + "To: " + to + "\r\n"
        + "Subject: " + subject + "\r\n"
        + "Message-ID: <" + java.util.UUID.randomUUID() + "@test.example>\r\n"
        + "Date: Tue, 3 Jun 2025 10:00:00 +0000\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "\r\n"
        + body + "\r\n";
    return raw.getBytes(StandardCharsets.UTF_8);
  }

  /** Delivers {@code raw} to {@code mailbox} in a new thread and publishes its notification. */
  String deliver(String mailbox, byte[] raw) {
    String messageId = servers.gmail.deliver(mailbox, raw, null);
    notifyMailbox(mailbox);
    return messageId;
  }

  /** Publishes a Gmail push notification of {@code mailbox}; returns the Pub/Sub message id. */
  String notifyMailbox(String mailbox) {
    byte[] notification = ("{\"emailAddress\": \"" + mailbox + "\", \"historyId\": "
        + servers.gmail.historyId(mailbox) + "}").getBytes(StandardCharsets.UTF_8);
    return servers.pubsub.publish(settings.subscription(), notification);
  }

  /** Waits until the Pub/Sub message {@code pubsubMessageId} is acked. */
  void awaitAcked(String pubsubMessageId) throws InterruptedException {
    await("Pub/Sub message " + pubsubMessageId + " acked",
        () -> servers.pubsub.ackedMessageIds().contains(pubsubMessageId));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + runtime.adminPort() + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  String scrape() throws IOException, InterruptedException {
    return get("/metrics").body();
  }

  /** Polls {@code condition} every 50 ms until it holds; fails after {@link #TIMEOUT}. */
  static void await(String description, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for: " + description);
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    runtime.close();
  }

  /** Returns {@code settings} with another mode. */
  static WorkerSettings withMode(WorkerSettings settings, String mode) {
    return copy(settings, mode, settings.whenModelUnavailable(), settings.priority());
  }

  /** Returns {@code settings} with another whenModelUnavailable policy. */
  static WorkerSettings withModelUnavailable(WorkerSettings settings, String policy) {
    return copy(settings, settings.mode(), policy, settings.priority());
  }

  static WorkerSettings withPriority(WorkerSettings settings, PrioritySettings priority) {
    return copy(settings, settings.mode(), settings.whenModelUnavailable(), priority);
  }

  private static WorkerSettings copy(WorkerSettings s, String mode, String whenModelUnavailable,
      PrioritySettings priority) {
    return new WorkerSettings(s.tenant(), s.mailboxes(), s.subscription(), s.projectId(),
        s.vertexAiLocation(), s.firestoreDatabase(), s.model(), s.maxOutputTokens(), s.tone(),
        mode, s.instructions(), s.signature(), s.template(), s.topic(), s.redisAddress(),
        whenModelUnavailable, priority);
  }

  /** Opens after two failed calls of the last four, and half-opens again after 500 ms. */
  private static CircuitBreaker fastGeminiCircuitBreaker() {
    return CircuitBreaker.of("gemini", CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(4)
        .minimumNumberOfCalls(2)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMillis(500))
        .recordException(GeminiResilience::isTransient)
        .build());
  }
}
