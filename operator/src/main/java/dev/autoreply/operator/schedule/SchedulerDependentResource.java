package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.matching.AdditiveChangesMatcher;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the scheduler's dependent resources: matches with {@link AdditiveChangesMatcher} and
 * logs each create and update with the kind, name and tenant, because the workflow threads do
 * not carry the reconciler's MDC.
 */
abstract class SchedulerDependentResource<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, AutoReplyTenant> {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerDependentResource.class);

  SchedulerDependentResource(Class<R> resourceType) {
    super(resourceType);
  }

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
    return super.create(desired, tenant, context);
  }

  @Override
  public R update(R actual, R desired, AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    LOG.info("Updating {} {}/{} for AutoReplyTenant {}", desired.getKind(),
        desired.getMetadata().getNamespace(), desired.getMetadata().getName(),
        tenant.getMetadata().getName());
    return super.update(actual, desired, tenant, context);
  }
}
