package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/**
 * Desired PodDisruptionBudget of the worker pods. The operator creates it only while the min
 * replica bound is at least 2, because with one replica it would block every node drain.
 */
public final class WorkerDisruptionBudgetModel {

  /** Smallest min replica bound that gets a PodDisruptionBudget. */
  public static final int MIN_REPLICAS_FOR_BUDGET = 2;

  private WorkerDisruptionBudgetModel() {
  }

  /** Returns whether a fleet with this min replica bound gets a PodDisruptionBudget. */
  public static boolean isNeeded(int minReplicas) {
    return minReplicas >= MIN_REPLICAS_FOR_BUDGET;
  }

  /** Builds the budget that lets voluntary disruptions evict one worker pod at a time. */
  public static PodDisruptionBudget desired(AutoReplyTenant tenant) {
    String tenantName = tenant.getMetadata().getName();
    return new PodDisruptionBudgetBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, WorkerNames.workerName(tenantName)))
        .withNewSpec()
          .withMaxUnavailable(new IntOrString(1))
          .withNewSelector()
            .withMatchLabels(WorkerNames.selectorLabels(tenantName))
          .endSelector()
        .endSpec()
        .build();
  }
}
