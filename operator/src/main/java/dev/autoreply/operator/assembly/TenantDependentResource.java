package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.matching.AdditiveChangesMatcher;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the tenant's dependent resources: reads the {@link DesiredInputs} from the workflow
 * context and logs each create and update with the kind and name. The workflow runs dependents
 * on its own threads, which do not carry the reconciler's MDC, so each line names the tenant.
 */
abstract class TenantDependentResource<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, AutoReplyTenant> {

  private static final Logger LOG = LoggerFactory.getLogger(TenantDependentResource.class);

  TenantDependentResource(Class<R> resourceType) {
    super(resourceType);
  }

  @Override
  protected final R desired(AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    return build(tenant, inputs(context));
  }

  /** Builds the desired object with a pure builder from the model package. */
  abstract R build(AutoReplyTenant tenant, DesiredInputs inputs);

  /** Matches with {@link AdditiveChangesMatcher}, so server defaults cause no update. */
  @Override
  public Matcher.Result<R> match(R actual, R desired, AutoReplyTenant tenant,
      Context<AutoReplyTenant> context) {
    boolean matched = AdditiveChangesMatcher.matches(desired, actual,
        context.getClient().getKubernetesSerialization());
    return Matcher.Result.computed(matched, desired);
  }

  @Override
  public R create(R desired, AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    LOG.info("Creating {} {}/{} for AutoReplyTenant {}", desired.getKind(),
        desired.getMetadata().getNamespace(), desired.getMetadata().getName(),
        tenant.getMetadata().getName());
    R created = super.create(desired, tenant, context);
    recordEvent(tenant, context, "Created", "Created " + desired.getKind() + " "
        + desired.getMetadata().getName() + ".");
    return created;
  }

  @Override
  public R update(R actual, R desired, AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    LOG.info("Updating {} {}/{} for AutoReplyTenant {}", desired.getKind(),
        desired.getMetadata().getNamespace(), desired.getMetadata().getName(),
        tenant.getMetadata().getName());
    R updated = super.update(actual, desired, tenant, context);
    recordEvent(tenant, context, "Updated", "Updated " + desired.getKind() + " "
        + desired.getMetadata().getName() + ".");
    return updated;
  }

  private static void recordEvent(AutoReplyTenant tenant, Context<AutoReplyTenant> context,
      String reason, String message) {
    context.managedWorkflowAndDependentResourceContext()
        .get(DesiredInputs.KEY, DesiredInputs.class)
        .ifPresent(inputs -> inputs.events().record(context.getClient(), tenant,
            TenantEvents.TYPE_NORMAL, reason, message));
  }

  /** Returns the inputs the reconciler stored for this workflow run. */
  static DesiredInputs inputs(Context<AutoReplyTenant> context) {
    return context.managedWorkflowAndDependentResourceContext()
        .getMandatory(DesiredInputs.KEY, DesiredInputs.class);
  }
}
