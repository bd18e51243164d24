package dev.autoreply.worker.runtime;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.genai.Client;
import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.worker.cache.CachingDrafter;
import dev.autoreply.worker.cache.RedisClients;
import dev.autoreply.worker.cache.ReplyCache;
import dev.autoreply.worker.customers.CustomerDirectory;
import dev.autoreply.worker.drafting.GeminiClients;
import dev.autoreply.worker.drafting.GeminiDrafter;
import dev.autoreply.worker.drafting.PromptBuilder;
import dev.autoreply.worker.drafting.ReplyDrafter;
import dev.autoreply.worker.gmail.GmailCallPolicy;
import dev.autoreply.worker.gmail.GmailClientFactory;
import dev.autoreply.worker.gmail.GmailMailbox;
import dev.autoreply.worker.gmail.GmailQuota;
import dev.autoreply.worker.ledger.FirestoreFactory;
import dev.autoreply.worker.ledger.ReplyLedger;
import dev.autoreply.worker.mailbox.IdleMailboxPoller;
import dev.autoreply.worker.mailbox.WatchRenewer;
import dev.autoreply.worker.mailbox.WatchSettings;
import dev.autoreply.worker.cache.RedisCircuitBreakers;
import dev.autoreply.worker.cache.ReplyCacheSettings;
import dev.autoreply.worker.observability.AdminServer;
import dev.autoreply.worker.observability.CircuitBreakerGauges;
import dev.autoreply.worker.observability.WorkerMetrics;
import dev.autoreply.worker.pipeline.DraftPlanner;
import dev.autoreply.worker.pipeline.GmailReplyTransport;
import dev.autoreply.worker.pipeline.NotificationProcessor;
import dev.autoreply.worker.pipeline.ReplyWorkflow;
import dev.autoreply.worker.pubsub.NotificationSubscriber;
import dev.autoreply.worker.pubsub.NotificationSubscriberConfig;
import dev.autoreply.worker.pubsub.SubscriberTransport;
import dev.autoreply.worker.safety.SenderReplyLimiter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;

/**
 * One tenant's running worker: the Pub/Sub subscriber feeding the reply pipeline, and the admin
 * server with /metrics and /healthz. Built from the settings file and the credentials folder
 * that the operator mounts into the pod.
 */
public final class WorkerRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
  private static final String APPLICATION_NAME = "autoreply-worker";
  private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration IDLE_MAILBOX_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration IDLE_CHECK_INTERVAL = Duration.ofMinutes(1);

  private final WorkerSettings settings;
  private final PrometheusMeterRegistry registry;
  private final Firestore firestore;
  private final NotificationProcessor processor;
  private final NotificationSubscriber subscriber;
  private final AdminServer adminServer;
  private final WatchRenewer watchRenewer;
  private final IdleMailboxPoller idlePoller;
  private final UnifiedJedis redis;

  private WorkerRuntime(Builder parts) {
    this.settings = parts.settings;
    this.registry = parts.registry;
    this.firestore = parts.firestore;
    this.processor = parts.processor;
    this.subscriber = parts.subscriber;
    this.watchRenewer = parts.watchRenewer;
    this.idlePoller = parts.idlePoller;
    this.redis = parts.redis;
    this.adminServer = new AdminServer(parts.adminPort, registry, this::isHealthy,
        new ReadinessProbe(settings.tenant(), firestore, this::isHealthy, Clock.systemUTC(),
            parts.tuning.readinessCheckInterval()));
  }

  /** Builds the worker of the tenant described by {@code settingsFile}; nothing runs yet. */
  public static WorkerRuntime create(Path settingsFile, Path credentialsDir, WorkerEndpoints endpoints)
      throws IOException {
    return create(settingsFile, credentialsDir, endpoints, RuntimeTuning.PRODUCTION);
  }

  static WorkerRuntime create(Path settingsFile, Path credentialsDir, WorkerEndpoints endpoints,
      RuntimeTuning tuning) throws IOException {
    Builder parts = new Builder();
    parts.tuning = tuning;
    parts.settings = WorkerSettingsFile.read(settingsFile);
    parts.adminPort = endpoints.adminPort();
    WorkerSettings settings = parts.settings;
    Clock clock = Clock.systemUTC();
    parts.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    WorkerMetrics metrics = new WorkerMetrics(parts.registry, settings.tenant());

    Map<String, GmailMailbox> mailboxes = openMailboxes(settings, credentialsDir, endpoints);
    parts.firestore = openFirestore(settings, endpoints);
    ReplyLedger ledger = new ReplyLedger(parts.firestore,
        ReplyLedger.retry(4, Duration.ofMillis(200)), clock, endpoints.claimTtl());
    parts.redis = openRedis(settings);
    ReplyDrafter drafter = openDrafter(settings, endpoints, parts);

    ReplyWorkflow workflow = new ReplyWorkflow(settings, ledger,
        new DraftPlanner(settings, new CustomerDirectory(parts.firestore), parts.registry), drafter,
        new GmailReplyTransport(mailboxes), new SenderReplyLimiter(parts.firestore), metrics, clock);
    parts.processor = new NotificationProcessor(settings, mailboxes, ledger, workflow, metrics, clock);
    parts.subscriber = new NotificationSubscriber(
        tuning.subscriberConfig().apply(NotificationSubscriberConfig.defaults(
            settings.subscription(), subscriberTransport(endpoints))),
        parts.processor,
        (pubsubMessageId, error) -> metrics.countNotification("malformed"),
        (pubsubMessageId, operation, response) -> metrics.countAckFailure(operation, response.name()));
    registerCircuitGauges(parts, mailboxes);

    parts.idlePoller = new IdleMailboxPoller(mailboxes.keySet(), IDLE_MAILBOX_TIMEOUT,
        IDLE_CHECK_INTERVAL, parts.processor::poll, clock);
    parts.processor.onNotification(parts.idlePoller::notificationReceived);
    if (settings.topic() != null) {
      parts.watchRenewer = new WatchRenewer(settings.tenant(), List.copyOf(mailboxes.values()),
          parts.firestore, WatchSettings.defaults(settings.topic()), parts.registry, clock);
    }
    return new WorkerRuntime(parts);
  }

  /**
   * Starts the admin server, records each mailbox's starting cursor, starts the Gmail watch
   * renewal and the idle-mailbox poller, then starts pulling notifications.
   */
  public void start() throws IOException {
    adminServer.start();
    processor.initializeCursors();
    if (watchRenewer != null) {
      watchRenewer.start();
    } else {
      LOG.warn("tenant {}: spec.pubsub.topic is empty, so the worker does not call users.watch;"
          + " Gmail sends notifications only while another process renews the watch", settings.tenant());
    }
    idlePoller.start();
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

  NotificationSubscriber subscriber() {
    return subscriber;
  }

  @Override
  public void close() {
    LOG.info("tenant {}: worker stopping", settings.tenant());
    boolean drained = subscriber.stop();
    if (!drained) {
      LOG.warn("tenant {}: subscriber did not stop within its timeout; unacknowledged "
          + "notifications will be delivered again", settings.tenant());
    }
    idlePoller.stop();
    if (watchRenewer != null) {
      watchRenewer.stop();
    }
    adminServer.stop();
    if (redis != null) {
      redis.close();
    }
    try {
      firestore.close();
    } catch (Exception e) {
      LOG.warn("tenant {}: closing Firestore failed: {}", settings.tenant(), e.toString());
    }
    LOG.info("tenant {}: worker stopped", settings.tenant());
  }

  /** The parts of a runtime while they are built. */
  private static final class Builder {
    WorkerSettings settings;
    int adminPort;
    PrometheusMeterRegistry registry;
    Firestore firestore;
    NotificationProcessor processor;
    NotificationSubscriber subscriber;
    WatchRenewer watchRenewer;
    IdleMailboxPoller idlePoller;
    UnifiedJedis redis;
    RuntimeTuning tuning;
    CircuitBreaker geminiCircuitBreaker;
    CircuitBreaker redisCircuitBreaker;
  }

  /** Registers autoreply_circuit_state for Gemini, Gmail and, with a shared cache, Redis. */
  private static void registerCircuitGauges(Builder parts, Map<String, GmailMailbox> mailboxes) {
    CircuitBreakerGauges gauges = new CircuitBreakerGauges(parts.registry, parts.settings.tenant());
    gauges.register("gemini", List.of(parts.geminiCircuitBreaker));
    gauges.register("gmail", mailboxes.values().stream()
        .map(mailbox -> mailbox.guard().circuitBreaker())
        .toList());
    if (parts.redisCircuitBreaker != null) {
      gauges.register("redis", List.of(parts.redisCircuitBreaker));
    }
  }

  private static Map<String, GmailMailbox> openMailboxes(
      WorkerSettings settings, Path credentialsDir, WorkerEndpoints endpoints) throws IOException {
    GmailClientFactory factory = new GmailClientFactory(endpoints.gmailRootUrl(), APPLICATION_NAME,
        GmailClientFactory.DEFAULT_CONNECT_TIMEOUT, GmailClientFactory.DEFAULT_READ_TIMEOUT);
    Path credentialsFile = credentialsDir.resolve(WorkerSettingsFile.CREDENTIALS_KEY);

    // One quota per mailbox, shared by everything in this process that calls Gmail for it.
    // NOTE: the quota counts this pod only; with N replicas Gmail receives up to N times its rate.
    Map<String, GmailMailbox> mailboxes = new LinkedHashMap<>();
    for (String address : settings.mailboxes()) {
      GoogleCredentials credentials = RotatingCredentials.forMailbox(credentialsFile, address);
      mailboxes.put(address, new GmailMailbox(factory.create(credentials), address,
          GmailCallPolicy.defaults(), GmailQuota.defaults(address)));
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

  private static UnifiedJedis openRedis(WorkerSettings settings) {
    if (settings.redisAddress() == null) {
      return null;
    }
    HostAndPort address = HostAndPort.from(settings.redisAddress());
    return RedisClients.standalone(address.getHost(), address.getPort(), RedisClients.DEFAULT_TIMEOUT);
  }

  private static ReplyDrafter openDrafter(WorkerSettings settings, WorkerEndpoints endpoints,
      Builder parts) throws IOException {
    Client vertex = GeminiClients.vertex(settings.projectId(), settings.vertexAiLocation(),
        googleCredentials(endpoints), endpoints.vertexBaseUrl(), MODEL_TIMEOUT);
    parts.geminiCircuitBreaker = parts.tuning.geminiCircuitBreaker().get();
    ReplyDrafter gemini = new GeminiDrafter(vertex, new PromptBuilder(),
        parts.tuning.geminiRetry().get(), parts.geminiCircuitBreaker,
        GeminiDrafter.DEFAULT_TEMPERATURE);
    if (parts.redis == null) {
      return gemini;
    }
    parts.redisCircuitBreaker = RedisCircuitBreakers.defaults();
    return new CachingDrafter(gemini, new ReplyCache(parts.redis, parts.redisCircuitBreaker,
        ReplyCacheSettings.defaults(), parts.registry));
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
