package dev.autoreply.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantStatusModelTest {

  private static final Instant FIRST = Instant.parse("2026-01-02T03:04:05.678Z");
  private static final Instant LATER = Instant.parse("2026-01-02T04:00:00Z");

  @Test
  void availableDeploymentIsReady() {
    AutoReplyTenant tenant = Fixtures.tenant();
    Deployment deployment = deployment(2, 1);

    AutoReplyTenantStatus status = TenantStatusModel.nextStatus(tenant,
        TenantStatusModel.fromDeployment(tenant, deployment), deployment, FIRST);
    Condition ready = status.getConditions().get(0);

    assertThat(status.getConditions()).hasSize(1);
    assertThat(ready.getType()).isEqualTo("Ready");
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo("WorkerAvailable");
    assertThat(ready.getObservedGeneration()).isEqualTo(3L);
    assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getReadyReplicas()).isEqualTo(1);
  }

  @Test
  void noAvailableReplicasIsNotReady() {
    AutoReplyTenant tenant = Fixtures.tenant();

    var state = TenantStatusModel.fromDeployment(tenant, deployment(0, 0));

    assertThat(state.ready()).isFalse();
    assertThat(state.reason()).isEqualTo("WorkerUnavailable");
  }

  @Test
  void missingPolicyNamesPolicyAndFix() {
    var state = TenantStatusModel.regionPolicyNotFound("eu-only");

    assertThat(state.ready()).isFalse();
    assertThat(state.reason()).isEqualTo("RegionPolicyNotFound");
    assertThat(state.message()).contains("RegionPolicy eu-only not found");
    assertThat(state.message()).contains("set spec.regionPolicy");
  }

  @Test
  void failedReconcileNamesError() {
    var state = TenantStatusModel.reconcileFailed(new IllegalStateException("HTTP 409 conflict"));

    assertThat(state.ready()).isFalse();
    assertThat(state.reason()).isEqualTo("ReconcileFailed");
    assertThat(state.message())
        .isEqualTo("Reconcile failed: HTTP 409 conflict. The operator retries with backoff.");
  }

  @Test
  void sameStatusKeepsTransitionTime() {
    AutoReplyTenant tenant = Fixtures.tenant();
    var notReady = TenantStatusModel.fromDeployment(tenant, deployment(0, 0));
    tenant.setStatus(TenantStatusModel.nextStatus(tenant, notReady, deployment(0, 0), FIRST));

    AutoReplyTenantStatus again =
        TenantStatusModel.nextStatus(tenant, notReady, deployment(0, 0), LATER);

    assertThat(again).isEqualTo(tenant.getStatus());
  }

  @Test
  void statusChangeMovesTransitionTime() {
    AutoReplyTenant tenant = Fixtures.tenant();
    var notReady = TenantStatusModel.fromDeployment(tenant, deployment(0, 0));
    tenant.setStatus(TenantStatusModel.nextStatus(tenant, notReady, deployment(0, 0), FIRST));

    var ready = TenantStatusModel.fromDeployment(tenant, deployment(1, 1));
    AutoReplyTenantStatus next = TenantStatusModel.nextStatus(tenant, ready, deployment(1, 1), LATER);

    assertThat(next.getConditions().get(0).getLastTransitionTime())
        .isEqualTo("2026-01-02T04:00:00Z");
  }

  @Test
  void validatorNamesMissingFields() {
    AutoReplyTenant tenant = Fixtures.tenant();
    tenant.getSpec().setPubsub(null);
    tenant.getSpec().getReply().setInstructions(" ");
    tenant.getSpec().getScaling().setMaxReplicas(1);

    List<String> problems = SpecValidator.validate(tenant);

    assertThat(problems).containsExactly(
        "missing required field spec.pubsub.subscription",
        "missing required field spec.reply.instructions",
        "invalid spec.scaling.maxReplicas 1: must not be less than spec.scaling.minReplicas 2");
  }

  private static Deployment deployment(int available, int ready) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("acme-support-worker").endMetadata()
        .withNewStatus()
          .withAvailableReplicas(available)
          .withReadyReplicas(ready)
        .endStatus()
        .build();
  }
}
