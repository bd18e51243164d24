package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.TenantRbacModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile precondition: spec.access.viewers is not empty. */
public class HasViewersCondition implements Condition<HasMetadata, AutoReplyTenant> {

  @Override
  public boolean isMet(DependentResource<HasMetadata, AutoReplyTenant> dependentResource,
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    return TenantRbacModel.hasViewers(tenant);
  }
}
