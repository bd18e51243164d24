package dev.autoreply.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import org.junit.jupiter.api.Test;

class WorkerAutoscalerModelTest {

  @Test
  void autoscalerTargetsDeployment() {
    HorizontalPodAutoscaler hpa =
        WorkerAutoscalerModel.desired(Fixtures.tenant(), OperatorDefaults.standard());

    assertThat(hpa.getMetadata().getName()).isEqualTo("acme-support-worker");
    assertThat(hpa.getMetadata().getNamespace()).isEqualTo("acme");
    assertThat(hpa.getMetadata().getOwnerReferences()).hasSize(1);
    assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("acme-support-worker");
  }

  @Test
  void autoscalerBoundsAndTarget() {
    HorizontalPodAutoscaler hpa =
        WorkerAutoscalerModel.desired(Fixtures.tenant(), OperatorDefaults.standard());
    MetricSpec metric = hpa.getSpec().getMetrics().get(0);

    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(4);
    assertThat(hpa.getSpec().getMetrics()).hasSize(1);
    assertThat(metric.getType()).isEqualTo("Resource");
    assertThat(metric.getResource().getName()).isEqualTo("cpu");
    assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
    assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(60);
    assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
        .isEqualTo(300);
  }

  @Test
  void autoscalerDefaultsWithoutScaling() {
    AutoReplyTenant tenant = Fixtures.tenant();
    tenant.getSpec().setScaling(null);

    HorizontalPodAutoscaler hpa = WorkerAutoscalerModel.desired(tenant, OperatorDefaults.standard());

    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(1);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(3);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization())
        .isEqualTo(70);
  }

  @Test
  void serviceAccountHasNoToken() {
    ServiceAccount account = WorkerServiceAccountModel.desired(Fixtures.tenant());

    assertThat(account.getMetadata().getName()).isEqualTo("acme-support-worker");
    assertThat(account.getMetadata().getNamespace()).isEqualTo("acme");
    assertThat(account.getMetadata().getLabels()).isEqualTo(WorkerNames.labels("acme-support"));
    assertThat(account.getMetadata().getOwnerReferences().get(0).getController()).isTrue();
    assertThat(account.getAutomountServiceAccountToken()).isFalse();
  }
}
