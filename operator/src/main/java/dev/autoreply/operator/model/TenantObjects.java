package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ScheduleSpec;
import dev.autoreply.operator.schedule.ReplicaBounds;
import dev.autoreply.operator.schedule.ScheduleCronJobModel;
import dev.autoreply.operator.schedule.ScheduleWindows;
import dev.autoreply.operator.schedule.SchedulerAccessModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** All objects the operator creates for one tenant, in the order it creates them. */
public final class TenantObjects {

  private TenantObjects() {
  }

  /** Builds the objects with the spec's scaling, no schedule window and no credentials hash. */
  public static List<HasMetadata> desired(
      AutoReplyTenant tenant, RegionPolicySpec policy, OperatorDefaults defaults) {
    return desired(tenant, policy, defaults, List.of(), null, null, Instant.EPOCH);
  }

  /**
   * Builds every object the reconciler would write at {@code now}: the worker ServiceAccount,
   * Role and RoleBinding, the access Roles and RoleBindings when spec.access lists people, the
   * settings ConfigMap, the Deployment, the HorizontalPodAutoscaler unless suspended, the
   * PodDisruptionBudget when the min bound is at least 2, and the scheduler objects when the
   * tenant has schedule windows.
   *
   * @param schedules the tenant's windows, already validated
   * @param credentialsHash {@link CredentialsHash} of the Secret, or null when it is unknown
   * @param operatorImage image of the scheduler CronJobs, or null to leave them out
   */
  public static List<HasMetadata> desired(AutoReplyTenant tenant, RegionPolicySpec policy,
      OperatorDefaults defaults, List<ScheduleSpec> schedules, String credentialsHash,
      String operatorImage, Instant now) {
    ScalePreset scaling = TenantScaling.resolve(tenant.getSpec().getScaling(), defaults);
    ReplicaBounds bounds =
        ScheduleWindows.boundsAt(TenantScaling.baseBounds(scaling), schedules, now);

    List<HasMetadata> objects = new ArrayList<>();
    objects.add(WorkerServiceAccountModel.desired(tenant));
    objects.add(TenantRbacModel.workerRole(tenant));
    objects.add(TenantRbacModel.workerRoleBinding(tenant));
    if (TenantRbacModel.hasAdmins(tenant)) {
      objects.add(TenantRbacModel.adminRole(tenant));
      objects.add(TenantRbacModel.adminRoleBinding(tenant));
    }
    if (TenantRbacModel.hasViewers(tenant)) {
      objects.add(TenantRbacModel.viewerRole(tenant));
      objects.add(TenantRbacModel.viewerRoleBinding(tenant));
    }
    objects.add(WorkerSettingsConfigMapModel.desired(tenant, policy));
    objects.add(WorkerDeploymentModel.desired(tenant, policy, defaults, scaling,
        credentialsHash));
    if (!WorkerDeploymentModel.isSuspended(tenant)) {
      objects.add(WorkerAutoscalerModel.desired(tenant, scaling, bounds));
    }
    if (WorkerDisruptionBudgetModel.isNeeded(bounds.min())) {
      objects.add(WorkerDisruptionBudgetModel.desired(tenant));
    }
    if (!schedules.isEmpty() && operatorImage != null) {
      objects.add(SchedulerAccessModel.serviceAccount(tenant));
      objects.add(SchedulerAccessModel.role(tenant));
      objects.add(SchedulerAccessModel.roleBinding(tenant));
      objects.addAll(ScheduleCronJobModel.desired(tenant, operatorImage));
    }
    return objects;
  }
}
