package dev.autoreply.worker.mailbox;

import com.google.api.client.http.HttpResponseException;
import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.gmail.GmailMailbox;
import dev.autoreply.worker.gmail.GmailWatch;
import dev.autoreply.worker.ledger.LedgerException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Gmail push notifications of a tenant's mailboxes running. Gmail stops a watch 7 days
 * after the last users.watch call, so this class calls users.watch at start and then once per
 * renewal period, by default daily. However many replicas run, one of them calls users.watch per
 * period and mailbox: each replica reads the mailbox's lease document and claims the renewal with
 * a conditional write before it calls Gmail (see {@link WatchLeases}).
 *
 * <p>Each replica exports the gauge {@code autoreply_gmail_watch_expiry_seconds{tenant,mailbox}},
 * the expiry of the mailbox's watch in seconds since the epoch, read from its own users.watch
 * call or from the lease document. It is NaN until the first successful watch is known.
 */
public final class WatchRenewer implements AutoCloseable {

  static final String EXPIRY_GAUGE = "autoreply.gmail.watch.expiry";
  private static final long STOP_TIMEOUT_SECONDS = 10;
  private static final Logger log = LoggerFactory.getLogger(WatchRenewer.class);

  private final String tenant;
  private final List<GmailMailbox> mailboxes;
  private final WatchLeases leases;
  private final WatchSettings settings;
  private final Clock clock;
  private final Map<String, Double> expirySeconds = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;

  /**
   * Creates the renewer of {@code mailboxes} and registers their expiry gauges.
   *
   * @param tenant the tenant, "namespace/name"
   * @param firestore database of the lease documents, shared by all replicas of the tenant
   * @param clock source of the lease times, which all replicas compare, so their clocks must
   *     be synchronized
   */
  public WatchRenewer(String tenant, List<GmailMailbox> mailboxes, Firestore firestore,
      WatchSettings settings, MeterRegistry registry, Clock clock) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.mailboxes = List.copyOf(mailboxes);
    this.leases = new WatchLeases(firestore, clock);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (GmailMailbox mailbox : this.mailboxes) {
      registerGauge(registry, label(mailbox));
    }
  }

  /**
   * Starts checking every mailbox at once and then every check interval on a thread of this
   * class. Calling it again while running does nothing.
   */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "gmail-watch-renewer-" + tenant);
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::renewAllDue, 0,
        settings.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    log.info("Started the Gmail watch renewer of tenant {} for mailboxes {}, renewal every {}",
        tenant, mailboxes.stream().map(GmailMailbox::address).toList(),
        settings.renewalPeriod());
  }

  /**
   * Stops the checks and waits up to 10 seconds for a running one to finish, then interrupts it.
   */
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    // shutdown() lets a running check finish, so a claimed renewal is not left unconfirmed.
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
        log.warn("Gmail watch renewer of tenant {} did not stop within {} s, interrupted it",
            tenant, STOP_TIMEOUT_SECONDS);
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
    scheduler = null;
    log.info("Stopped the Gmail watch renewer of tenant {}", tenant);
  }

  @Override
  public void close() {
    stop();
  }

  /** Checks every mailbox once, as each scheduled run does. */
  public void renewAllDue() {
    for (GmailMailbox mailbox : mailboxes) {
      renewIfDue(mailbox);
    }
  }

  /**
   * Checks the lease of one mailbox and calls users.watch if the renewal is due and this replica
   * wins the claim. Failures are logged, not thrown, and retried after the retry delay.
   */
  public RenewalOutcome renewIfDue(GmailMailbox mailbox) {
    String address = mailbox.address();
    try {
      return renew(mailbox);
    } catch (LedgerException e) {
      log.warn("Gmail watch lease of mailbox {} of tenant {} could not be read or written,"
          + " retrying at the next check: {}", address, tenant, e.getMessage());
      return RenewalOutcome.FAILED;
    } catch (IOException | RuntimeException e) {
      log.warn("Gmail watch of mailbox {} of tenant {} failed, retrying in {}: {}",
          address, tenant, settings.retryDelay(), describe(e));
      return RenewalOutcome.FAILED;
    }
  }

  /** Returns the last known expiry of a mailbox's watch. */
  public Optional<Instant> knownExpiry(String mailbox) {
    Double seconds = expirySeconds.get(WatchLeases.normalize(mailbox));
    if (seconds == null) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
  }

  private RenewalOutcome renew(GmailMailbox mailbox) throws IOException {
    String address = mailbox.address();
    WatchLeases.Snapshot read = leases.read(tenant, address);
    read.lease().flatMap(WatchLease::expiry).ifPresent(expiry -> recordExpiry(address, expiry));
    Instant now = clock.instant();
    Optional<Instant> dueAt = read.lease()
        .map(lease -> lease.nextRenewalAt(settings));
    if (dueAt.isPresent() && now.isBefore(dueAt.get())) {
      log.debug("Gmail watch of mailbox {} of tenant {} is not due until {}",
          address, tenant, dueAt.get());
      return RenewalOutcome.NOT_DUE;
    }

    Optional<String> claim = leases.claim(tenant, address, read);
    if (claim.isEmpty()) {
      log.info("Gmail watch renewal of mailbox {} of tenant {} was claimed by another replica",
          address, tenant);
      return RenewalOutcome.CLAIMED_BY_OTHER_REPLICA;
    }

    GmailWatch watch = mailbox.watch(settings.topicName(), settings.labelIds());
    recordExpiry(address, watch.expiration());
    if (!leases.confirm(tenant, address, claim.get(), watch, settings)) {
      log.info("Gmail watch of mailbox {} of tenant {} was renewed, but another replica claimed"
          + " the lease meanwhile and will record its own expiry", address, tenant);
    }
    log.info("Renewed the Gmail watch of mailbox {} of tenant {} until {}",
        address, tenant, watch.expiration());
    return RenewalOutcome.RENEWED;
  }

  private void recordExpiry(String address, Instant expiry) {
    expirySeconds.put(WatchLeases.normalize(address), expiry.toEpochMilli() / 1000.0);
  }

  private void registerGauge(MeterRegistry registry, String mailbox) {
    Gauge.builder(EXPIRY_GAUGE, expirySeconds, values -> values.getOrDefault(mailbox, Double.NaN))
        .description("Expiry of the Gmail watch of a mailbox, in seconds since the epoch")
        .baseUnit("seconds")
        .tag("tenant", tenant)
        .tag("mailbox", mailbox)
        .strongReference(true)
        .register(registry);
  }

  /** Describes an error by HTTP status, without the response body that Gmail errors carry. */
  private static String describe(Exception error) {
    if (error instanceof HttpResponseException response) {
      return "HTTP " + response.getStatusCode() + " " + response.getStatusMessage();
    }
    return error.toString();
  }

  private static String label(GmailMailbox mailbox) {
    return WatchLeases.normalize(mailbox.address());
  }
}
