package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the status of a tenant. Conditions follow the Kubernetes API conventions, and a
 * condition's lastTransitionTime changes only when its status changes, so a status computed
 * twice from the same state is equal and needs no write.
 */
public final class TenantStatusModel {

  public static final String CONDITION_READY = "Ready";

  public static final String REASON_WORKER_AVAILABLE = "WorkerAvailable";
  public static final String REASON_WORKER_UNAVAILABLE = "WorkerUnavailable";
  public static final String REASON_REGION_POLICY_NOT_FOUND = "RegionPolicyNotFound";
  public static final String REASON_INVALID_REGION_POLICY = "InvalidRegionPolicy";
  public static final String REASON_INVALID_SPEC = "InvalidSpec";
  public static final String REASON_RECONCILE_FAILED = "ReconcileFailed";

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
   * Builds the next status from the tenant's current one. {@code now} is used only when the
   * Ready condition is new or its status changes.
   */
  public static AutoReplyTenantStatus nextStatus(
      AutoReplyTenant tenant, ReadyState ready, Deployment deployment, Instant now) {
    Long generation = tenant.getMetadata().getGeneration();
    Optional<Condition> previous = findCondition(tenant.getStatus(), CONDITION_READY);
    String status = ready.ready() ? "True" : "False";
    String transitionTime = previous
        .filter(condition -> status.equals(condition.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());

    Condition readyCondition = new ConditionBuilder()
        .withType(CONDITION_READY)
        .withStatus(status)
        .withReason(ready.reason())
        .withMessage(ready.message())
        .withLastTransitionTime(transitionTime)
        .withObservedGeneration(generation)
        .build();

    List<Condition> conditions = new ArrayList<>();
    if (tenant.getStatus() != null && tenant.getStatus().getConditions() != null) {
      for (Condition condition : tenant.getStatus().getConditions()) {
        if (!CONDITION_READY.equals(condition.getType())) {
          conditions.add(condition);
        }
      }
    }
    conditions.add(readyCondition);

    AutoReplyTenantStatus next = new AutoReplyTenantStatus();
    next.setObservedGeneration(generation);
    next.setConditions(conditions);
    next.setReadyReplicas(readyReplicas(deployment));
    return next;
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
