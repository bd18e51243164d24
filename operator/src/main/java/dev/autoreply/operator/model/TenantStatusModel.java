package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantStatus;
import dev.autoreply.operator.schedule.ReplicaBounds;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the status of a tenant. Conditions follow the Kubernetes API conventions, and a
 * condition's lastTransitionTime changes only when its status changes, so a status computed
 * twice from the same state is equal and needs no write.
 */
public final class TenantStatusModel {

  public static final String CONDITION_READY = "Ready";
  public static final String CONDITION_CREDENTIALS_READY = "CredentialsReady";
  public static final String CONDITION_WORKER_AVAILABLE = "WorkerAvailable";
  public static final String CONDITION_SCHEDULE_ACTIVE = "ScheduleActive";
  public static final String CONDITION_SUSPENDED = "Suspended";

  /** Condition types this operator writes, in the order the status lists them. */
  public static final List<String> CONDITION_TYPES = List.of(CONDITION_READY,
      CONDITION_CREDENTIALS_READY, CONDITION_WORKER_AVAILABLE, CONDITION_SCHEDULE_ACTIVE,
      CONDITION_SUSPENDED);

  public static final String REASON_WORKER_AVAILABLE = "WorkerAvailable";
  public static final String REASON_WORKER_UNAVAILABLE = "WorkerUnavailable";
  public static final String REASON_REGION_POLICY_NOT_FOUND = "RegionPolicyNotFound";
  public static final String REASON_INVALID_REGION_POLICY = "InvalidRegionPolicy";
  public static final String REASON_INVALID_SPEC = "InvalidSpec";
  public static final String REASON_RECONCILE_FAILED = "ReconcileFailed";
  public static final String REASON_SECRET_FOUND = "SecretFound";
  public static final String REASON_SECRET_NOT_FOUND = "SecretNotFound";
  public static final String REASON_MIN_REPLICAS_AVAILABLE = "MinReplicasAvailable";
  public static final String REASON_MIN_REPLICAS_UNAVAILABLE = "MinReplicasUnavailable";
  public static final String REASON_SUSPENDED = "Suspended";
  public static final String REASON_SUSPENDED_BY_SPEC = "SuspendedBySpec";
  public static final String REASON_NOT_SUSPENDED = "NotSuspended";
  public static final String REASON_NO_WINDOW = "NoWindow";

  private TenantStatusModel() {
  }

  /** Returns Ready when the worker Deployment has at least one available replica. */
  public static ReadyState fromDeployment(AutoReplyTenant tenant, Deployment deployment) {
    String name = WorkerNames.workerName(tenant.getMetadata().getName());
    if (deployment == null) {
      return new ReadyState(false, REASON_WORKER_UNAVAILABLE,
          "Deployment " + name + " does not exist yet.");
    }
    int available = availableReplicas(deployment);
    if (available >= 1) {
      return new ReadyState(true, REASON_WORKER_AVAILABLE,
          "Deployment " + name + " has " + available + " available replicas.");
    }
    return new ReadyState(false, REASON_WORKER_UNAVAILABLE,
        "Deployment " + name + " has no available replicas yet. "
            + "Check its pods with kubectl describe deployment " + name + ".");
  }

  /** Returns Ready=False for a suspended tenant, whose fleet runs no pods. */
  public static ReadyState readySuspended() {
    return new ReadyState(false, REASON_SUSPENDED,
        "spec.suspend is true, so the worker runs 0 replicas. Set it to false to resume.");
  }

  public static ReadyState credentialsReady(String secretName) {
    return new ReadyState(true, REASON_SECRET_FOUND, "Secret " + secretName + " exists.");
  }

  /** Returns CredentialsReady=False with the kubectl command that creates the Secret. */
  public static ReadyState secretNotFound(String secretName, String namespace) {
    return new ReadyState(false, REASON_SECRET_NOT_FOUND,
        "Secret " + secretName + " not found in namespace " + namespace + ". Create it with"
            + " kubectl create secret generic " + secretName + " -n " + namespace
            + " --from-file=credentials.json=PATH_TO_CREDENTIALS_JSON; the operator continues"
            + " once it exists.");
  }

  /**
   * Returns WorkerAvailable: True when the Deployment has at least the min bound of available
   * replicas, False while suspended or below it.
   */
  public static ReadyState workerAvailable(
      AutoReplyTenant tenant, Deployment deployment, ReplicaBounds bounds) {
    String name = WorkerNames.workerName(tenant.getMetadata().getName());
    if (WorkerDeploymentModel.isSuspended(tenant)) {
      return new ReadyState(false, REASON_SUSPENDED,
          "Deployment " + name + " is scaled to 0 because spec.suspend is true.");
    }
    int available = deployment == null ? 0 : availableReplicas(deployment);
    String counts = "Deployment " + name + " has " + available + " available replicas; bounds "
        + bounds.min() + " to " + bounds.max() + ".";
    if (available >= bounds.min()) {
      return new ReadyState(true, REASON_MIN_REPLICAS_AVAILABLE, counts);
    }
    return new ReadyState(false, REASON_MIN_REPLICAS_UNAVAILABLE, counts
        + " Check its pods with kubectl describe deployment " + name + ".");
  }

  /**
   * Returns ScheduleActive. The reason names the window in CamelCase, because condition reasons
   * may not contain the dashes of window names, and the message names it as written.
   */
  public static ReadyState scheduleActive(String window) {
    if (window == null) {
      return new ReadyState(false, REASON_NO_WINDOW,
          "No schedule window is in force; spec.scaling applies.");
    }
    return new ReadyState(true, windowReason(window),
        "Schedule window " + window + " is in force.");
  }

  /** Returns {@code Window} followed by the window name in CamelCase, e.g. WindowBusinessHours. */
  static String windowReason(String window) {
    StringBuilder reason = new StringBuilder("Window");
    for (String part : window.split("-")) {
      if (!part.isEmpty()) {
        reason.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return reason.toString();
  }

  public static ReadyState suspended(boolean suspended) {
    return suspended
        ? new ReadyState(true, REASON_SUSPENDED_BY_SPEC,
            "spec.suspend is true: no HorizontalPodAutoscaler and 0 worker replicas.")
        : new ReadyState(false, REASON_NOT_SUSPENDED, "spec.suspend is false.");
  }

  public static ReadyState regionPolicyNotFound(String policyName) {
    return new ReadyState(false, REASON_REGION_POLICY_NOT_FOUND,
        "RegionPolicy " + policyName + " not found. Create it, or set spec.regionPolicy to the"
            + " name of an existing RegionPolicy (kubectl get regionpolicies).");
  }

  public static ReadyState invalidRegionPolicy(String policyName, List<String> problems) {
    return new ReadyState(false, REASON_INVALID_REGION_POLICY,
        "RegionPolicy " + policyName + " is invalid: " + String.join("; ", problems) + ".");
  }

  public static ReadyState invalidSpec(List<String> problems) {
    return new ReadyState(false, REASON_INVALID_SPEC,
        "Invalid spec: " + String.join("; ", problems) + ".");
  }

  public static ReadyState reconcileFailed(Exception error) {
    return new ReadyState(false, REASON_RECONCILE_FAILED,
        "Reconcile failed: " + error.getMessage() + ". The operator retries with backoff.");
  }

  /**
   * Builds the next status with only the Ready condition computed; other conditions keep their
   * previous values.
   */
  public static AutoReplyTenantStatus nextStatus(
      AutoReplyTenant tenant, ReadyState ready, Deployment deployment, Instant now) {
    Map<String, ReadyState> conditions = new LinkedHashMap<>();
    conditions.put(CONDITION_READY, ready);
    return nextStatus(tenant, conditions, deployment, null, null, now);
  }

  /**
   * Builds the next status from the tenant's current one. {@code now} is used only for a
   * condition that is new or whose status changes, so the same inputs give an equal status.
   *
   * @param conditions computed conditions by type. A known type missing here keeps its previous
   *     condition, for example WorkerAvailable while the Secret is missing.
   * @param bounds replica bounds in force, or null when they are unknown
   * @param activeSchedule name of the schedule window in force, or null outside every window
   */
  public static AutoReplyTenantStatus nextStatus(AutoReplyTenant tenant,
      Map<String, ReadyState> conditions, Deployment deployment, ReplicaBounds bounds,
      String activeSchedule, Instant now) {
    Long generation = tenant.getMetadata().getGeneration();
    List<Condition> previous = tenant.getStatus() == null || tenant.getStatus().getConditions() == null
        ? List.of() : tenant.getStatus().getConditions();

    List<Condition> next = new ArrayList<>();
    for (String type : CONDITION_TYPES) {
      ReadyState state = conditions.get(type);
      Optional<Condition> before = find(previous, type);
      if (state != null) {
        next.add(condition(type, state, before, generation, now));
      } else {
        before.ifPresent(next::add);
      }
    }
    for (Condition condition : previous) {
      if (!CONDITION_TYPES.contains(condition.getType())) {
        next.add(condition);
      }
    }

    AutoReplyTenantStatus status = new AutoReplyTenantStatus();
    status.setObservedGeneration(generation);
    status.setConditions(next);
    status.setReadyReplicas(readyReplicas(deployment));
    status.setActiveSchedule(activeSchedule);
    status.setMailboxes(mailboxCount(tenant));
    status.setMinReplicas(bounds == null ? null : bounds.min());
    status.setMaxReplicas(bounds == null ? null : bounds.max());
    return status;
  }

  private static Condition condition(String type, ReadyState state, Optional<Condition> before,
      Long generation, Instant now) {
    String status = state.ready() ? "True" : "False";
    String transitionTime = before
        .filter(condition -> status.equals(condition.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(state.reason())
        .withMessage(state.message())
        .withLastTransitionTime(transitionTime)
        .withObservedGeneration(generation)
        .build();
  }

  private static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(condition -> type.equals(condition.getType())).findFirst();
  }

  private static Integer mailboxCount(AutoReplyTenant tenant) {
    List<String> mailboxes = tenant.getSpec() == null ? null : tenant.getSpec().getMailboxes();
    if (mailboxes == null) {
      return null;
    }
    return (int) mailboxes.stream()
        .filter(mailbox -> mailbox != null && !mailbox.isBlank())
        .map(mailbox -> mailbox.trim().toLowerCase(Locale.ROOT))
        .distinct()
        .count();
  }

  public static Optional<Condition> findCondition(AutoReplyTenantStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream()
        .filter(condition -> type.equals(condition.getType()))
        .findFirst();
  }

  private static int availableReplicas(Deployment deployment) {
    DeploymentStatus status = deployment.getStatus();
    if (status == null || status.getAvailableReplicas() == null) {
      return 0;
    }
    return status.getAvailableReplicas();
  }

  private static int readyReplicas(Deployment deployment) {
    if (deployment == null || deployment.getStatus() == null
        || deployment.getStatus().getReadyReplicas() == null) {
      return 0;
    }
    return deployment.getStatus().getReadyReplicas();
  }
}
