package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition of the scheduler dependents: met when the tenant has at least one
 * schedule window. While it is not met, JOSDK skips those dependents.
 *
 * <p>NOTE: not checked here whether JOSDK 5.2.3 deletes existing scheduler objects once the
 * last window is removed. Their owner references remove them only with the tenant.
 */
public class SchedulesPresentCondition implements Condition<Object, AutoReplyTenant> {

  @Override
  public boolean isMet(DependentResource<Object, AutoReplyTenant> dependentResource,
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    return hasSchedules(tenant);
  }

  /** Returns whether {@code spec.schedules} has at least one entry. */
  public static boolean hasSchedules(AutoReplyTenant tenant) {
    return tenant.getSpec() != null
        && tenant.getSpec().getSchedules() != null
        && !tenant.getSpec().getSchedules().isEmpty();
  }
}
