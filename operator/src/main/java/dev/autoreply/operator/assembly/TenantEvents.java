package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events on AutoReplyTenants. An Event with the same type, reason and message
 * for the same tenant is sent at most once per {@link #DEDUPLICATION_WINDOW}, so a tenant that
 * stays broken across many reconciles does not flood the namespace.
 *
 * <p>NOTE: the record of sent Events lives in memory, so a restarted or new leader operator
 * sends each Event once more.
 */
final class TenantEvents {

  static final String TYPE_NORMAL = "Normal";
  static final String TYPE_WARNING = "Warning";
  static final String COMPONENT = "autoreply-operator";
  static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(10);

  /** Size above which entries older than the window are dropped. */
  private static final int PRUNE_THRESHOLD = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(TenantEvents.class);

  private final Clock clock;
  private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

  TenantEvents(Clock clock) {
    this.clock = clock;
  }

  /**
   * Creates an Event on the tenant unless the same one was sent within the window. A rejected
   * write is logged and dropped, because an Event must never fail a reconcile.
   */
  void record(KubernetesClient client, AutoReplyTenant tenant, String type, String reason,
      String message) {
    Instant now = clock.instant();
    String key = tenant.getMetadata().getNamespace() + "/" + tenant.getMetadata().getName() + "/"
        + tenant.getMetadata().getUid() + "\n" + type + "\n" + reason + "\n" + message;
    Instant previous = lastSent.get(key);
    if (previous != null && previous.plus(DEDUPLICATION_WINDOW).isAfter(now)) {
      return;
    }
    lastSent.put(key, now);
    prune(now);
    try {
      client.v1().events().inNamespace(tenant.getMetadata().getNamespace())
          .resource(event(tenant, type, reason, message, now)).create();
    } catch (KubernetesClientException e) {
      LOG.warn("Failed to create Event {} on AutoReplyTenant {}/{}: {}", reason,
          tenant.getMetadata().getNamespace(), tenant.getMetadata().getName(), e.getMessage());
    }
  }

  private void prune(Instant now) {
    if (lastSent.size() > PRUNE_THRESHOLD) {
      lastSent.values().removeIf(sent -> !sent.plus(DEDUPLICATION_WINDOW).isAfter(now));
    }
  }

  private static Event event(AutoReplyTenant tenant, String type, String reason, String message,
      Instant now) {
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new EventBuilder()
        .withNewMetadata()
          .withName(tenant.getMetadata().getName() + "." + UUID.randomUUID())
          .withNamespace(tenant.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
          .withApiVersion(HasMetadata.getApiVersion(AutoReplyTenant.class))
          .withKind(AutoReplyTenant.KIND)
          .withName(tenant.getMetadata().getName())
          .withNamespace(tenant.getMetadata().getNamespace())
          .withUid(tenant.getMetadata().getUid())
          .withResourceVersion(tenant.getMetadata().getResourceVersion())
        .endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(time)
        .withLastTimestamp(time)
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
  }
}
