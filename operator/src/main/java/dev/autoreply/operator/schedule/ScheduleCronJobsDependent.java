package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bulk dependent with one CronJob per window boundary, built by {@link ScheduleCronJobModel}.
 * JOSDK creates the missing CronJobs, updates those that differ and deletes the tenant's
 * scheduler CronJobs whose window left {@code spec.schedules}.
 *
 * <p>The reconciler must put the operator image into the workflow context under
 * {@link #OPERATOR_IMAGE_KEY} before it runs the workflow, because the Jobs run that image.
 */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerNames.MANAGED_BY_SELECTOR))
public class ScheduleCronJobsDependent extends SchedulerDependentResource<CronJob>
    implements CRUDKubernetesBulkDependentResource<CronJob, AutoReplyTenant> {

  /** Workflow context key of the operator image, a {@link String}. */
  public static final String OPERATOR_IMAGE_KEY = "autoreply.dev/operator-image";

  public ScheduleCronJobsDependent() {
    super(CronJob.class);
  }

  @Override
  public Map<ResourceID, CronJob> desiredResources(
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    String operatorImage = context.managedWorkflowAndDependentResourceContext()
        .getMandatory(OPERATOR_IMAGE_KEY, String.class);
    Map<ResourceID, CronJob> desired = new LinkedHashMap<>();
    for (CronJob cronJob : ScheduleCronJobModel.desired(tenant, operatorImage)) {
      desired.put(ResourceID.fromResource(cronJob), cronJob);
    }
    return desired;
  }

  /**
   * Returns the tenant's scheduler CronJobs from the informer cache. The informer maps each
   * CronJob to its owner, so only this tenant's arrive here, and the label check keeps out any
   * other CronJob the tenant might own.
   */
  @Override
  public Map<ResourceID, CronJob> getSecondaryResources(
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    return context.getSecondaryResourcesAsStream(CronJob.class)
        .filter(cronJob -> cronJob.getMetadata().getLabels() != null
            && ScheduleNames.COMPONENT.equals(
                cronJob.getMetadata().getLabels().get(WorkerNames.LABEL_COMPONENT)))
        .collect(Collectors.toMap(ResourceID::fromResource, Function.identity()));
  }
}
