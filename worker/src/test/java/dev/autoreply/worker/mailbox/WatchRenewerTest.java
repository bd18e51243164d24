package dev.autoreply.worker.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.gmail.GmailMailbox;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeGmailServerWatch;
import dev.autoreply.worker.testing.FirestoreEmulator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class WatchRenewerTest {

  @RegisterExtension
  static final FirestoreEmulator EMULATOR = new FirestoreEmulator();

  private static final String TENANT = "shop-a/support";
  private static final String MAILBOX = "help@shop-a.example";
  private static final String TOPIC = "projects/autoreply-test/topics/gmail";
  private static final Instant START = Instant.parse("2025-03-04T05:06:07.123Z");
  private static final WatchSettings SETTINGS = new WatchSettings(TOPIC, List.of("INBOX"),
      Duration.ofDays(1), Duration.ofMinutes(10), Duration.ofMinutes(10));

  private final MutableClock clock = new MutableClock(START);
  private FakeGmailServer server;
  private Firestore firestore;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    server = FakeGmailServer.start();
    server.setClock(clock);
    String projectId = "watch-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    firestore = EMULATOR.firestore(projectId);
  }

  @AfterEach
  void stop() throws Exception {
    firestore.close();
    server.close();
  }

  @Test
  void startCallsWatchOnce() throws Exception {
    try (WatchRenewer renewer = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      renewer.start();

      WatchLeases leases = new WatchLeases(firestore, clock);
      Deadline.awaitTrue(Duration.ofSeconds(10), "the lease is confirmed",
          () -> leases.read(TENANT, MAILBOX).lease().filter(WatchLease::confirmed).isPresent());
    }

    List<FakeGmailServerWatch> watches = server.watches(MAILBOX);
    assertThat(watches).hasSize(1);
    assertThat(watches.get(0).topicName()).isEqualTo(TOPIC);
    assertThat(watches.get(0).labelIds()).containsExactly("INBOX");
  }

  @Test
  void firstCheckRenews() {
    WatchRenewer renewer = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    assertThat(renewer.renewIfDue(gmail())).isEqualTo(RenewalOutcome.RENEWED);

    assertThat(server.watches(MAILBOX)).hasSize(1);
  }

  @Test
  void secondReplicaWithinPeriodSkipsWatch() {
    WatchRenewer first = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    WatchRenewer second = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    first.renewIfDue(gmail());
    clock.advance(Duration.ofHours(23));

    RenewalOutcome outcome = second.renewIfDue(gmail());

    assertThat(outcome).isEqualTo(RenewalOutcome.NOT_DUE);
    assertThat(server.watches(MAILBOX)).hasSize(1);
  }

  @Test
  void secondReplicaLearnsExpiryFromLease() {
    WatchRenewer first = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    WatchRenewer second = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    first.renewIfDue(gmail());

    second.renewIfDue(gmail());

    assertThat(second.knownExpiry(MAILBOX)).contains(START.plus(Duration.ofDays(7)));
  }

  @Test
  void renewalAfterPeriodCallsWatchAgain() {
    WatchRenewer first = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    WatchRenewer second = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    first.renewIfDue(gmail());
    clock.advance(Duration.ofDays(1));

    RenewalOutcome outcome = second.renewIfDue(gmail());

    assertThat(outcome).isEqualTo(RenewalOutcome.RENEWED);
    assertThat(server.watches(MAILBOX)).hasSize(2);
    assertThat(second.knownExpiry(MAILBOX)).contains(START.plus(Duration.ofDays(8)));
  }

  @Test
  void renewalAfterPeriodHappensOnce() {
    WatchRenewer first = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    WatchRenewer second = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    first.renewIfDue(gmail());
    clock.advance(Duration.ofDays(1).plusMinutes(1));

    RenewalOutcome byFirst = first.renewIfDue(gmail());
    RenewalOutcome bySecond = second.renewIfDue(gmail());

    assertThat(byFirst).isEqualTo(RenewalOutcome.RENEWED);
    assertThat(bySecond).isEqualTo(RenewalOutcome.NOT_DUE);
    assertThat(server.watches(MAILBOX)).hasSize(2);
  }

  @Test
  void expiryGaugeIsWatchExpiration() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    WatchRenewer renewer = replica(registry);

    renewer.renewIfDue(gmail());

    double expected = START.plus(Duration.ofDays(7)).toEpochMilli() / 1000.0;
    double value = registry.get("autoreply.gmail.watch.expiry")
        .tag("tenant", TENANT).tag("mailbox", MAILBOX).gauge().value();
    assertThat(value).isEqualTo(expected);
    assertThat(registry.scrape()).contains("autoreply_gmail_watch_expiry_seconds{mailbox=\""
        + MAILBOX + "\",tenant=\"" + TENANT + "\"} 1.741669567123E9\n");
  }

  @Test
  void expiryGaugeIsNaNBeforeFirstWatch() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    replica(registry);

    double value = registry.get("autoreply.gmail.watch.expiry").gauge().value();

    assertThat(value).isNaN();
  }

  @Test
  void failedWatchIsRetriedAfterRetryDelay() {
    WatchRenewer renewer = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    server.failNext(1, 400, Map.of());

    RenewalOutcome failed = renewer.renewIfDue(gmail());
    RenewalOutcome tooEarly = renewer.renewIfDue(gmail());
    clock.advance(SETTINGS.retryDelay());
    RenewalOutcome retried = renewer.renewIfDue(gmail());

    assertThat(failed).isEqualTo(RenewalOutcome.FAILED);
    assertThat(tooEarly).isEqualTo(RenewalOutcome.NOT_DUE);
    assertThat(retried).isEqualTo(RenewalOutcome.RENEWED);
    assertThat(server.watches(MAILBOX)).hasSize(1);
    assertThat(server.requestCount("POST", "/watch")).isEqualTo(2);
  }

  @Test
  void leaseStoresRenewalAndExpiry() {
    WatchRenewer renewer = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    server.deliver(MAILBOX, GmailTestClients.mail("one"), null);

    renewer.renewIfDue(gmail());

    WatchLease lease = new WatchLeases(firestore, clock).read(TENANT, MAILBOX).lease()
        .orElseThrow();
    assertThat(lease.confirmed()).isTrue();
    assertThat(lease.renewedAt()).isEqualTo(START);
    assertThat(lease.claimedAt()).isEqualTo(START);
    assertThat(lease.expiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));
    assertThat(lease.historyId()).isEqualTo(BigInteger.valueOf(1001));
    assertThat(lease.topicName()).isEqualTo(TOPIC);
    assertThat(lease.labelIds()).containsExactly("INBOX");
  }

  @Test
  void secondCreateClaimLoses() {
    WatchLeases leases = new WatchLeases(firestore, clock);
    WatchLeases.Snapshot readByFirst = leases.read(TENANT, MAILBOX);
    WatchLeases.Snapshot readBySecond = leases.read(TENANT, MAILBOX);

    Optional<String> first = leases.claim(TENANT, MAILBOX, readByFirst);
    Optional<String> second = leases.claim(TENANT, MAILBOX, readBySecond);

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
  }

  @Test
  void confirmOfReplacedClaimIsDropped() throws Exception {
    WatchLeases leases = new WatchLeases(firestore, clock);
    String oldClaim = leases.claim(TENANT, MAILBOX, leases.read(TENANT, MAILBOX)).orElseThrow();
    clock.advance(SETTINGS.retryDelay());
    String newClaim = leases.claim(TENANT, MAILBOX, leases.read(TENANT, MAILBOX)).orElseThrow();
    var watch = gmail().watch(TOPIC, List.of("INBOX"));

    boolean confirmedOld = leases.confirm(TENANT, MAILBOX, oldClaim, watch, SETTINGS);

    assertThat(confirmedOld).isFalse();
    assertThat(leases.confirm(TENANT, MAILBOX, newClaim, watch, SETTINGS)).isTrue();
  }

  @Test
  void topicChangeRenewsAtOnce() {
    replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).renewIfDue(gmail());
    WatchSettings otherTopic = new WatchSettings("projects/autoreply-test/topics/other",
        SETTINGS.labelIds(), SETTINGS.renewalPeriod(), SETTINGS.retryDelay(),
        SETTINGS.checkInterval());
    WatchRenewer moved = new WatchRenewer(TENANT, List.of(gmail()), firestore, otherTopic,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock);

    RenewalOutcome outcome = moved.renewIfDue(gmail());

    assertThat(outcome).isEqualTo(RenewalOutcome.RENEWED);
    assertThat(server.watches(MAILBOX)).extracting(FakeGmailServerWatch::topicName)
        .containsExactly(TOPIC, "projects/autoreply-test/topics/other");
  }

  @Test
  void mailboxCaseSharesLease() {
    WatchRenewer first = replica(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    first.renewIfDue(gmail());
    GmailMailbox upperCase = GmailTestClients.mailbox(server, MAILBOX.toUpperCase());

    RenewalOutcome outcome = first.renewIfDue(upperCase);

    assertThat(outcome).isEqualTo(RenewalOutcome.NOT_DUE);
  }

  @Test
  void renewalPeriodMustBeShorterThanWatchLifetime() {
    assertThatThrownBy(() -> new WatchSettings(TOPIC, List.of(), Duration.ofDays(7),
        Duration.ofMinutes(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("renewalPeriod must be shorter than the Gmail watch lifetime of PT168H,"
            + " got PT168H");
  }

  private WatchRenewer replica(PrometheusMeterRegistry registry) {
    return new WatchRenewer(TENANT, List.of(gmail()), firestore, SETTINGS, registry, clock);
  }

  private GmailMailbox gmail() {
    return GmailTestClients.mailbox(server, MAILBOX);
  }
}
