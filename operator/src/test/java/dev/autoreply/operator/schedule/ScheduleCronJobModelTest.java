package dev.autoreply.operator.schedule;

import static dev.autoreply.operator.schedule.ScheduleFixtures.businessHours;
import static dev.autoreply.operator.schedule.ScheduleFixtures.tenant;
import static dev.autoreply.operator.schedule.ScheduleFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleCronJobModelTest {

  private static final String IMAGE = "autoreply/operator:0.1.0";

  private static final Map<String, String> START_LABELS = Map.of(
      "app.kubernetes.io/name", "autoreply-scheduler",
      "app.kubernetes.io/instance", "acme-support",
      "app.kubernetes.io/component", "scheduler",
      "app.kubernetes.io/part-of", "autoreply",
      "app.kubernetes.io/managed-by", "autoreply-operator",
      "autoreply.dev/schedule-window", "business-hours",
      "autoreply.dev/schedule-boundary", "start");

  @Test
  void twoCronJobsPerWindow() {
    AutoReplyTenant tenant = tenant(businessHours(),
        window("night", "0 1 * * *", "0 4 * * *", "Europe/Berlin", null, 1));

    List<CronJob> cronJobs = ScheduleCronJobModel.desired(tenant, IMAGE);

    assertThat(cronJobs).extracting(cronJob -> cronJob.getMetadata().getName()).containsExactly(
        "acme-support-business-hours-start", "acme-support-business-hours-end",
        "acme-support-night-start", "acme-support-night-end");
    assertThat(cronJobs).extracting(cronJob -> cronJob.getSpec().getSchedule()).containsExactly(
        "0 8 * * 1-5", "0 18 * * 1-5", "0 1 * * *", "0 4 * * *");
    assertThat(cronJobs).extracting(cronJob -> cronJob.getSpec().getTimeZone()).containsExactly(
        "America/New_York", "America/New_York", "Europe/Berlin", "Europe/Berlin");
  }

  @Test
  void noWindowsNoCronJobs() {
    assertThat(ScheduleCronJobModel.desired(tenant(), IMAGE)).isEmpty();
  }

  @Test
  void startCronJobFields() {
    CronJob cronJob = ScheduleCronJobModel.desired(tenant(businessHours()), IMAGE).get(0);

    assertThat(cronJob.getApiVersion()).isEqualTo("batch/v1");
    assertThat(cronJob.getKind()).isEqualTo("CronJob");
    assertThat(cronJob.getMetadata().getName()).isEqualTo("acme-support-business-hours-start");
    assertThat(cronJob.getMetadata().getNamespace()).isEqualTo("acme");
    assertThat(cronJob.getMetadata().getLabels()).isEqualTo(START_LABELS);

    CronJobSpec spec = cronJob.getSpec();
    assertThat(spec.getSchedule()).isEqualTo("0 8 * * 1-5");
    assertThat(spec.getTimeZone()).isEqualTo("America/New_York");
    assertThat(spec.getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(spec.getStartingDeadlineSeconds()).isEqualTo(300L);
    assertThat(spec.getSuccessfulJobsHistoryLimit()).isEqualTo(1);
    assertThat(spec.getFailedJobsHistoryLimit()).isEqualTo(3);
    assertThat(spec.getSuspend()).isNull();
    assertThat(spec.getJobTemplate().getMetadata().getLabels()).isEqualTo(START_LABELS);
    assertThat(spec.getJobTemplate().getSpec().getBackoffLimit()).isEqualTo(3);
    assertThat(spec.getJobTemplate().getSpec().getTemplate().getMetadata().getLabels())
        .isEqualTo(START_LABELS);
  }

  @Test
  void ownerReferenceIsTenantController() {
    CronJob cronJob = ScheduleCronJobModel.desired(tenant(businessHours()), IMAGE).get(1);

    assertThat(cronJob.getMetadata().getOwnerReferences()).hasSize(1);
    OwnerReference owner = cronJob.getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getApiVersion()).isEqualTo("autoreply.dev/v1alpha1");
    assertThat(owner.getKind()).isEqualTo("AutoReplyTenant");
    assertThat(owner.getName()).isEqualTo("acme-support");
    assertThat(owner.getUid()).isEqualTo(ScheduleFixtures.UID);
    assertThat(owner.getController()).isTrue();
    assertThat(owner.getBlockOwnerDeletion()).isTrue();
  }

  @Test
  void jobPodRunsScaleCommand() {
    CronJob end = ScheduleCronJobModel.desired(tenant(businessHours()), IMAGE).get(1);
    PodSpec pod = end.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();

    assertThat(pod.getServiceAccountName()).isEqualTo("acme-support-scheduler");
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
    assertThat(pod.getRestartPolicy()).isEqualTo("OnFailure");
    assertThat(pod.getContainers()).hasSize(1);
    Container container = pod.getContainers().get(0);
    assertThat(container.getName()).isEqualTo("scale");
    assertThat(container.getImage()).isEqualTo(IMAGE);
    assertThat(container.getCommand()).isEmpty();
    assertThat(container.getArgs()).containsExactly("scale", "--namespace", "acme",
        "--tenant", "acme-support", "--window", "business-hours", "--boundary", "end");
    assertThat(container.getResources().getRequests()).isEqualTo(Map.of(
        "cpu", new Quantity("50m"), "memory", new Quantity("128Mi")));
    assertThat(container.getResources().getLimits()).isEqualTo(Map.of(
        "memory", new Quantity("256Mi")));
  }

  @Test
  void jobPodIsLockedDown() {
    CronJob start = ScheduleCronJobModel.desired(tenant(businessHours()), IMAGE).get(0);
    PodSpec pod = start.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType())
        .isEqualTo("RuntimeDefault");
    assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop())
        .containsExactly("ALL");
    assertThat(container.getSecurityContext().getCapabilities().getAdd()).isEmpty();
    assertThat(container.getSecurityContext().getSeccompProfile().getType())
        .isEqualTo("RuntimeDefault");
    assertThat(container.getVolumeMounts()).hasSize(1);
    assertThat(container.getVolumeMounts().get(0).getName()).isEqualTo("tmp");
    assertThat(container.getVolumeMounts().get(0).getMountPath()).isEqualTo("/tmp");
    assertThat(pod.getVolumes()).hasSize(1);
    assertThat(pod.getVolumes().get(0).getName()).isEqualTo("tmp");
    assertThat(pod.getVolumes().get(0).getEmptyDir()).isNotNull();
  }

  @Test
  void longNameTruncatedWithHash() {
    AutoReplyTenant tenant = tenant(businessHours());
    tenant.getMetadata().setName("acme-customer-support-emea-production");

    List<CronJob> cronJobs = ScheduleCronJobModel.desired(tenant, IMAGE);

    String start = cronJobs.get(0).getMetadata().getName();
    String end = cronJobs.get(1).getMetadata().getName();
    assertThat(start).isEqualTo("acme-customer-support-emea-production-busin-2e928a6f");
    assertThat(start).hasSize(52);
    assertThat(end).hasSizeLessThanOrEqualTo(52);
    assertThat(end).isNotEqualTo(start);
  }
}
