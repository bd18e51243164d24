package dev.autoreply.operator.failure;

import static dev.autoreply.operator.failure.MockCluster.NAMESPACE;
import static dev.autoreply.operator.failure.MockCluster.SETTINGS;
import static dev.autoreply.operator.failure.MockCluster.TENANT;
import static dev.autoreply.operator.failure.MockCluster.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.operator.assembly.OperatorAssembly;
import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes rejected with 500 Internal Server Error or 409 Conflict a few times: the operator
 * retries and converges to exactly one object of each kind.
 */
@EnableKubernetesMockClient(crud = true)
class WriteErrorRecoveryTest {

  private KubernetesMockServer server;
  private KubernetesClient client;
  private Operator operator;

  @BeforeEach
  void prepareCluster() throws IOException {
    MockCluster.prepare(client);
  }

  @AfterEach
  void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void transientWriteErrorsConverge() throws InterruptedException {
    server.expect().post().withPath(MockCluster.CONFIG_MAPS_PATH)
        .andReturn(500, MockCluster.errorStatus(500, "InternalError")).once();
    server.expect().post().withPath(MockCluster.DEPLOYMENTS_PATH)
        .andReturn(409, MockCluster.errorStatus(409, "AlreadyExists")).once();
    server.expect().post().withPath(MockCluster.AUTOSCALERS_PATH)
        .andReturn(500, MockCluster.errorStatus(500, "InternalError")).times(2);
    startOperator();

    client.resource(MockCluster.tenant(TENANT)).create();

    MockCluster.awaitObject(client, HorizontalPodAutoscaler.class, WORKER);
    MockCluster.awaitObject(client, Deployment.class, WORKER);
    MockCluster.setAvailableReplicas(client, WORKER, 1);
    MockCluster.awaitReady(client, TENANT, "True");

    assertThat(MockCluster.names(client, ServiceAccount.class)).containsExactly(WORKER);
    assertThat(MockCluster.names(client, ConfigMap.class)).containsExactly(SETTINGS);
    assertThat(MockCluster.names(client, Deployment.class)).containsExactly(WORKER);
    assertThat(MockCluster.names(client, HorizontalPodAutoscaler.class)).containsExactly(WORKER);
    assertOwnedByTenant();

    List<String> creates = postPaths(drainRequests());
    assertThat(creates).as("create requests of the config map, 1 rejected")
        .filteredOn(MockCluster.CONFIG_MAPS_PATH::equals).hasSize(2);
    assertThat(creates).as("create requests of the deployment, 1 rejected")
        .filteredOn(MockCluster.DEPLOYMENTS_PATH::equals).hasSize(2);
    assertThat(creates).as("create requests of the autoscaler, 2 rejected")
        .filteredOn(MockCluster.AUTOSCALERS_PATH::equals).hasSize(3);
  }

  @Test
  void conflictOnStatusPatchConverges() {
    // JOSDK patches the status with a JSON merge patch, and retries a 409 on it like any error.
    String statusPath = "/apis/autoreply.dev/v1alpha1/namespaces/" + NAMESPACE
        + "/autoreplytenants/" + TENANT + "/status";
    server.expect().patch().withPath(statusPath)
        .andReturn(409, MockCluster.errorStatus(409, "Conflict")).once();
    startOperator();

    client.resource(MockCluster.tenant(TENANT)).create();
    MockCluster.awaitObject(client, Deployment.class, WORKER);
    MockCluster.setAvailableReplicas(client, WORKER, 1);

    MockCluster.awaitReady(client, TENANT, "True");
    assertThat(MockCluster.names(client, Deployment.class)).containsExactly(WORKER);
    assertThat(MockCluster.names(client, ConfigMap.class)).containsExactly(SETTINGS);
    assertOwnedByTenant();
  }

  private void startOperator() {
    GenericRetry fastRetry = new GenericRetry()
        .setInitialInterval(Duration.ofMillis(200))
        .setIntervalMultiplier(1.5)
        .setMaxAttempts(10);
    operator = OperatorAssembly.create(client, OperatorDefaults.standard(), Set.of(), fastRetry,
        configuration -> { });
    operator.start();
  }

  private void assertOwnedByTenant() {
    String uid = MockCluster.get(client, AutoReplyTenant.class, TENANT).getMetadata().getUid();
    List<HasMetadata> owned = List.of(
        MockCluster.get(client, ServiceAccount.class, WORKER),
        MockCluster.get(client, ConfigMap.class, SETTINGS),
        MockCluster.get(client, Deployment.class, WORKER),
        MockCluster.get(client, HorizontalPodAutoscaler.class, WORKER));
    for (HasMetadata object : owned) {
      List<OwnerReference> references = object.getMetadata().getOwnerReferences();
      assertThat(references).as(object.getKind()).hasSize(1);
      assertThat(references.get(0).getUid()).as(object.getKind()).isEqualTo(uid);
      assertThat(references.get(0).getController()).as(object.getKind()).isTrue();
    }
  }

  private static List<String> postPaths(List<RecordedRequest> requests) {
    return requests.stream()
        .filter(request -> request.getMethod().equals("POST"))
        .map(RecordedRequest::getPath)
        .toList();
  }

  private List<RecordedRequest> drainRequests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }
}
