package dev.autoreply.operator.failure;

import static dev.autoreply.operator.failure.MockCluster.SETTINGS;
import static dev.autoreply.operator.failure.MockCluster.TENANT;
import static dev.autoreply.operator.failure.MockCluster.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator stops after it created the settings ConfigMap but before the Deployment, and a
 * new operator takes over: it finishes the tenant with nothing duplicated or orphaned.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorRestartTest {

  private KubernetesMockServer server;
  private KubernetesClient client;
  private Operator operator;

  @AfterEach
  void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void restartMidwayConverges() throws IOException {
    MockCluster.prepare(client);
    AtomicInteger rejectedDeployments = new AtomicInteger();
    // The first two Deployment creates fail, which keeps the Deployment missing for a while.
    // NOTE: an event that arrives during the failed reconcile makes JOSDK run it again at once,
    // so the first operator may still create the Deployment before it stops.
    server.expect().post().withPath(MockCluster.DEPLOYMENTS_PATH)
        .andReply(500, request -> {
          rejectedDeployments.incrementAndGet();
          return MockCluster.errorStatus(500, "InternalError");
        }).times(2);
    operator = OperatorAssembly.create(client, OperatorDefaults.standard(), Set.of(),
        configuration -> { });
    operator.start();
    client.resource(MockCluster.tenant(TENANT)).create();

    MockCluster.awaitObject(client, ConfigMap.class, SETTINGS);
    await().atMost(MockCluster.TIMEOUT).until(() -> rejectedDeployments.get() >= 1);
    operator.stop();
    operator = null;

    operator = OperatorAssembly.create(client, OperatorDefaults.standard(), Set.of(),
        configuration -> { });
    operator.start();

    MockCluster.awaitObject(client, HorizontalPodAutoscaler.class, WORKER);
    MockCluster.awaitObject(client, Deployment.class, WORKER);
    MockCluster.setAvailableReplicas(client, WORKER, 1);
    MockCluster.awaitReady(client, TENANT, "True");

    assertThat(MockCluster.names(client, ServiceAccount.class)).containsExactly(WORKER);
    assertThat(MockCluster.names(client, ConfigMap.class)).containsExactly(SETTINGS);
    assertThat(MockCluster.names(client, Deployment.class)).containsExactly(WORKER);
    assertThat(MockCluster.names(client, HorizontalPodAutoscaler.class)).containsExactly(WORKER);
    assertOwnedBy(TENANT);
  }

  private void assertOwnedBy(String tenantName) {
    String uid =
        MockCluster.get(client, AutoReplyTenant.class, tenantName).getMetadata().getUid();
    String worker = tenantName + "-worker";
    List<HasMetadata> owned = List.of(
        MockCluster.get(client, ServiceAccount.class, worker),
        MockCluster.get(client, ConfigMap.class, worker + "-settings"),
        MockCluster.get(client, Deployment.class, worker),
        MockCluster.get(client, HorizontalPodAutoscaler.class, worker));
    for (HasMetadata object : owned) {
      List<OwnerReference> references = object.getMetadata().getOwnerReferences();
      assertThat(references).as(object.getKind() + " " + worker).hasSize(1);
      assertThat(references.get(0).getName()).as(object.getKind()).isEqualTo(tenantName);
      assertThat(references.get(0).getUid()).as(object.getKind()).isEqualTo(uid);
    }
  }
}
