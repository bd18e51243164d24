package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerDisruptionBudgetModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile precondition: the min replica bound in force is at least 2. */
public class DisruptionBudgetNeededCondition implements Condition<HasMetadata, AutoReplyTenant> {

  @Override
  public boolean isMet(DependentResource<HasMetadata, AutoReplyTenant> dependentResource,
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    return WorkerDisruptionBudgetModel.isNeeded(
        TenantDependentResource.inputs(context).bounds().min());
  }
}
