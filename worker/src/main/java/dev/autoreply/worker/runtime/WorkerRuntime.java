package dev.autoreply.worker.runtime;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.genai.Client;
import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.worker.drafting.GeminiClients;
import dev.autoreply.worker.drafting.GeminiDrafter;
import dev.autoreply.worker.gmail.GmailCallPolicy;
import dev.autoreply.worker.gmail.GmailClientFactory;
import dev.autoreply.worker.gmail.GmailMailbox;
import dev.autoreply.worker.ledger.FirestoreFactory;
import dev.autoreply.worker.ledger.ReplyLedger;
import dev.autoreply.worker.observability.AdminServer;
import dev.autoreply.worker.observability.WorkerMetrics;
import dev.autoreply.worker.pipeline.GmailReplyTransport;
import dev.autoreply.worker.pipeline.NotificationProcessor;
import dev.autoreply.worker.pipeline.ReplyWorkflow;
import dev.autoreply.worker.pubsub.NotificationSubscriber;
import dev.autoreply.worker.safety.SenderReplyLimiter;
import dev.autoreply.worker.pubsub.NotificationSubscriberConfig;
import dev.autoreply.worker.pubsub.SubscriberTransport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's running worker: the Pub/Sub subscriber feeding the reply pipeline, and the admin
 * server with /metrics and /healthz. Built from the settings file and the credentials folder
 * that the operator mounts into the pod.
 */
public final class WorkerRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
  private static final String APPLICATION_NAME = "autoreply-worker";
  private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(60);

  private final WorkerSettings settings;
  private final PrometheusMeterRegistry registry;
  private final Firestore firestore;
  private final NotificationSubscriber subscriber;
  private final AdminServer adminServer;
  private final NotificationProcessor processor;

  private WorkerRuntime(
      WorkerSettings settings,
      PrometheusMeterRegistry registry,
      Firestore firestore,
      NotificationProcessor processor,
      NotificationSubscriber subscriber,
      AdminServer adminServer) {
    this.settings = settings;
    this.registry = registry;
    this.firestore = firestore;
    this.processor = processor;
    this.subscriber = subscriber;
    this.adminServer = adminServer;
  }

  /** Builds the worker of the tenant described by {@code settingsFile}; nothing runs yet. */
  public static WorkerRuntime create(Path settingsFile, Path credentialsDir, WorkerEndpoints endpoints)
      throws IOException {
    WorkerSettings settings = WorkerSettingsFile.read(settingsFile);
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    WorkerMetrics metrics = new WorkerMetrics(registry, settings.tenant());

    Map<String, GmailMailbox> mailboxes = openMailboxes(settings, credentialsDir, endpoints);
    Firestore firestore = openFirestore(settings, endpoints);
    ReplyLedger ledger = new ReplyLedger(firestore);
    GeminiDrafter drafter = new GeminiDrafter(openVertex(settings, endpoints));

    ReplyWorkflow workflow = new ReplyWorkflow(settings, ledger, drafter,
        new GmailReplyTransport(mailboxes), new SenderReplyLimiter(firestore), metrics, clock);
    NotificationProcessor processor =
        new NotificationProcessor(settings, mailboxes, ledger, workflow, metrics, clock);
    NotificationSubscriber subscriber = new NotificationSubscriber(
        NotificationSubscriberConfig.defaults(settings.subscription(), subscriberTransport(endpoints)),
        processor,
        (pubsubMessageId, error) -> metrics.countNotification("malformed"));

    WorkerRuntime[] self = new WorkerRuntime[1];
    AdminServer adminServer = new AdminServer(endpoints.adminPort(), registry, () -> self[0].isHealthy());
    self[0] = new WorkerRuntime(settings, registry, firestore, processor, subscriber, adminServer);
    return self[0];
  }

  /** Starts the admin server, records each mailbox's starting cursor and starts pulling. */
  public void start() throws IOException {
    adminServer.start();
    processor.initializeCursors();
    subscriber.start();
    LOG.info("tenant {}: worker started for mailboxes {} on subscription {}, admin port {}",
        settings.tenant(), settings.mailboxes(), settings.subscription(), adminServer.port());
  }

  public boolean isHealthy() {
    return subscriber.isRunning();
  }

  public int adminPort() {
    return adminServer.port();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    LOG.info("tenant {}: worker stopping", settings.tenant());
    boolean drained = subscriber.stop();
    if (!drained) {
      LOG.warn("tenant {}: subscriber did not stop within its timeout; unacknowledged "
          + "notifications will be delivered again", settings.tenant());
    }
    adminServer.stop();
    try {
      firestore.close();
    } catch (Exception e) {
      LOG.warn("tenant {}: closing Firestore failed: {}", settings.tenant(), e.toString());
    }
    LOG.info("tenant {}: worker stopped", settings.tenant());
  }

  private static Map<String, GmailMailbox> openMailboxes(
      WorkerSettings settings, Path credentialsDir, WorkerEndpoints endpoints) throws IOException {
    GmailClientFactory factory = new GmailClientFactory(endpoints.gmailRootUrl(), APPLICATION_NAME,
        GmailClientFactory.DEFAULT_CONNECT_TIMEOUT, GmailClientFactory.DEFAULT_READ_TIMEOUT);
    Path credentialsFile = credentialsDir.resolve(WorkerSettingsFile.CREDENTIALS_KEY);

    Map<String, GmailMailbox> mailboxes = new LinkedHashMap<>();
    for (String address : settings.mailboxes()) {
      GoogleCredentials credentials = GmailCredentials.forMailbox(credentialsFile, address);
      mailboxes.put(address, new GmailMailbox(factory.create(credentials), address, GmailCallPolicy.defaults()));
    }
    return mailboxes;
  }

  private static Firestore openFirestore(WorkerSettings settings, WorkerEndpoints endpoints) {
    if (endpoints.firestoreEmulatorHost() != null) {
      return FirestoreFactory.emulator(
          settings.projectId(), settings.firestoreDatabase(), endpoints.firestoreEmulatorHost());
    }
    return FirestoreFactory.production(settings.projectId(), settings.firestoreDatabase());
  }

  private static Client openVertex(WorkerSettings settings, WorkerEndpoints endpoints)
      throws IOException {
    return GeminiClients.vertex(settings.projectId(), settings.vertexAiLocation(),
        googleCredentials(endpoints), endpoints.vertexBaseUrl(), MODEL_TIMEOUT);
  }

  private static SubscriberTransport subscriberTransport(WorkerEndpoints endpoints)
      throws IOException {
    if (endpoints.pubsubEndpoint() != null) {
      return SubscriberTransport.plaintext(endpoints.pubsubEndpoint());
    }
    if (endpoints.googleCredentialsFile() != null) {
      return SubscriberTransport.production(googleCredentials(endpoints));
    }
    return SubscriberTransport.production();
  }

  private static GoogleCredentials googleCredentials(WorkerEndpoints endpoints) throws IOException {
    List<String> scopes = List.of("https://www.googleapis.com/auth/cloud-platform");
    if (endpoints.googleCredentialsFile() == null) {
      return GoogleCredentials.getApplicationDefault().createScoped(scopes);
    }
    try (InputStream in = Files.newInputStream(endpoints.googleCredentialsFile())) {
      return GoogleCredentials.fromStream(in).createScoped(scopes);
    }
  }
}
