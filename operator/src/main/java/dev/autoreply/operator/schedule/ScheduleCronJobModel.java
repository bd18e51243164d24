package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.ScheduleSpec;
import dev.autoreply.operator.model.ContainerSecurity;
import dev.autoreply.operator.model.TenantMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Desired CronJobs of a tenant's schedule windows: one at each window's start and one at its
 * end. Each runs the operator image's {@code scale} command, which only annotates the tenant.
 */
public final class ScheduleCronJobModel {

  /** Seconds after a missed schedule time in which the CronJob controller still starts the Job. */
  public static final long STARTING_DEADLINE_SECONDS = 300L;
  public static final int SUCCESSFUL_JOBS_HISTORY_LIMIT = 1;
  public static final int FAILED_JOBS_HISTORY_LIMIT = 3;
  /** Retries of a failed {@code scale} pod before the Job counts as failed. */
  public static final int BACKOFF_LIMIT = 3;
  /** User and group of the {@code scale} process, the same as the operator Deployment's. */
  public static final long SCHEDULER_UID = 10001L;
  public static final String CONTAINER_NAME = "scale";
  public static final String TMP_VOLUME = "tmp";
  public static final String TMP_DIR = "/tmp";

  private ScheduleCronJobModel() {
  }

  /**
   * Builds two CronJobs per window, in spec order, start before end. Windows are built as given
   * without validation, so callers run {@link ScheduleWindows#validate} first. Otherwise the API
   * server rejects a CronJob with an invalid schedule or time zone.
   */
  public static List<CronJob> desired(AutoReplyTenant tenant, String operatorImage) {
    List<CronJob> cronJobs = new ArrayList<>();
    List<ScheduleSpec> schedules = tenant.getSpec().getSchedules();
    if (schedules == null) {
      return cronJobs;
    }
    for (ScheduleSpec window : schedules) {
      cronJobs.add(cronJob(tenant, window, ScheduleBoundary.START, operatorImage));
      cronJobs.add(cronJob(tenant, window, ScheduleBoundary.END, operatorImage));
    }
    return cronJobs;
  }

  private static CronJob cronJob(AutoReplyTenant tenant, ScheduleSpec window,
      ScheduleBoundary boundary, String operatorImage) {
    String tenantName = tenant.getMetadata().getName();
    String namespace = tenant.getMetadata().getNamespace();
    Map<String, String> labels =
        ScheduleNames.cronJobLabels(tenantName, window.getName(), boundary);
    ObjectMeta metadata = new ObjectMetaBuilder()
        .withName(ScheduleNames.cronJobName(tenantName, window.getName(), boundary))
        .withNamespace(namespace)
        .withLabels(labels)
        .withOwnerReferences(TenantMetadata.controllerReference(tenant))
        .build();
    String schedule = boundary == ScheduleBoundary.START ? window.getStart() : window.getEnd();

    return new CronJobBuilder()
        .withMetadata(metadata)
        .withNewSpec()
          .withSchedule(schedule)
          .withTimeZone(window.getTimeZone())
          // A second run of one boundary while the first still runs would only repeat the
          // same annotation.
          .withConcurrencyPolicy("Forbid")
          .withStartingDeadlineSeconds(STARTING_DEADLINE_SECONDS)
          .withSuccessfulJobsHistoryLimit(SUCCESSFUL_JOBS_HISTORY_LIMIT)
          .withFailedJobsHistoryLimit(FAILED_JOBS_HISTORY_LIMIT)
          .withNewJobTemplate()
            .withNewMetadata()
              .withLabels(labels)
            .endMetadata()
            .withNewSpec()
              .withBackoffLimit(BACKOFF_LIMIT)
              .withNewTemplate()
                .withNewMetadata()
                  .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                  .withServiceAccountName(ScheduleNames.schedulerName(tenantName))
                  .withAutomountServiceAccountToken(true)
                  .withRestartPolicy("OnFailure")
                  .withNewSecurityContext()
                    .withRunAsNonRoot(true)
                    .withRunAsUser(SCHEDULER_UID)
                    .withRunAsGroup(SCHEDULER_UID)
                    .withNewSeccompProfile()
                      .withType("RuntimeDefault")
                    .endSeccompProfile()
                  .endSecurityContext()
                  .addNewContainer()
                    .withName(CONTAINER_NAME)
                    .withImage(operatorImage)
                    .withArgs("scale",
                        "--namespace", namespace,
                        "--tenant", tenantName,
                        "--window", window.getName(),
                        "--boundary", boundary.value())
                    .withNewResources()
                      .addToRequests("cpu", new Quantity("50m"))
                      .addToRequests("memory", new Quantity("128Mi"))
                      .addToLimits("memory", new Quantity("256Mi"))
                    .endResources()
                    .withSecurityContext(ContainerSecurity.restricted())
                    // The JVM and the HTTP client write temporary files, and the root
                    // filesystem is read-only.
                    .addNewVolumeMount()
                      .withName(TMP_VOLUME)
                      .withMountPath(TMP_DIR)
                    .endVolumeMount()
                  .endContainer()
                  .addNewVolume()
                    .withName(TMP_VOLUME)
                    .withNewEmptyDir()
                    .endEmptyDir()
                  .endVolume()
                .endSpec()
              .endTemplate()
            .endSpec()
          .endJobTemplate()
        .endSpec()
        .build();
  }
}
