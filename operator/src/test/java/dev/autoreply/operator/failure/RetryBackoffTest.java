package dev.autoreply.operator.failure;

import static dev.autoreply.operator.failure.MockCluster.TENANT;
import static dev.autoreply.operator.failure.MockCluster.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoreply.operator.assembly.OperatorAssembly;
import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reconcile whose every create request is rejected with 500: the operator retries a bounded
 * number of times with growing delays, then gives up and reports Ready=False.
 */
@EnableKubernetesMockClient(crud = true)
class RetryBackoffTest {

  private static final long INITIAL_DELAY_MILLIS = 300;
  private static final double MULTIPLIER = 2.0;
  private static final int MAX_RETRIES = 4;
  /**
   * Delays that JOSDK 5.2.3's GenericRetry waits before each retry: the initial interval twice,
   * then multiplied each time.
   */
  private static final List<Long> EXPECTED_DELAYS_MILLIS = List.of(300L, 300L, 600L, 1200L);

  /** One start or failure of a reconcile, as the JOSDK metrics hook reported it. */
  private record Execution(long nanos, boolean failed, int retryAttempt, boolean lastAttempt) {
  }

  private KubernetesMockServer server;
  private KubernetesClient client;
  private Operator operator;
  /** Operator's client without fabric8's own retry of 5xx responses, which would hide JOSDK's. */
  private KubernetesClient operatorClient;
  private final List<Execution> executions = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
    if (operatorClient != null) {
      operatorClient.close();
    }
  }

  @Test
  void failingReconcileRetriesWithGrowingDelays() throws IOException {
    MockCluster.prepare(client);
    // Every dependent fails, so no create event of a dependent starts an extra reconcile.
    for (String path : List.of(MockCluster.SERVICE_ACCOUNTS_PATH, MockCluster.CONFIG_MAPS_PATH,
        MockCluster.DEPLOYMENTS_PATH, MockCluster.AUTOSCALERS_PATH)) {
      server.expect().post().withPath(path)
          .andReturn(500, MockCluster.errorStatus(500, "InternalError")).always();
    }
    startOperator();

    client.resource(MockCluster.tenant(TENANT)).create();

    await().atMost(MockCluster.TIMEOUT).until(() -> executions.stream()
        .anyMatch(Execution::lastAttempt));
    // Waits longer than one more delay would be, to see that no further attempt comes.
    await().pollDelay(Duration.ofMillis(2 * EXPECTED_DELAYS_MILLIS.get(MAX_RETRIES - 1)))
        .atMost(Duration.ofSeconds(10)).until(() -> true);

    List<Execution> retries = executions.stream()
        .filter(execution -> !execution.failed() && execution.retryAttempt() > 0)
        .toList();
    assertThat(retries).extracting(Execution::retryAttempt).as("retry attempts")
        .containsExactly(1, 2, 3, 4);
    assertThat(retries.get(MAX_RETRIES - 1).lastAttempt()).as("last attempt flag").isTrue();

    List<Long> delaysMillis = delaysBeforeRetries();
    assertThat(delaysMillis).as("delays before retries").hasSize(MAX_RETRIES);
    for (int i = 0; i < MAX_RETRIES; i++) {
      long expected = EXPECTED_DELAYS_MILLIS.get(i);
      assertThat(delaysMillis.get(i)).as("delay before retry %d of %s", i + 1, delaysMillis)
          .isBetween(expected * 9 / 10, expected + 1_000);
    }
    assertThat(delaysMillis.get(MAX_RETRIES - 1)).as("delays %s grow", delaysMillis)
        .isGreaterThan(2 * delaysMillis.get(0));

    Condition ready = MockCluster.readyCondition(client, TENANT);
    assertThat(ready).isNotNull();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(MockCluster.names(client, ServiceAccount.class)).doesNotContain(WORKER);
  }

  private void startOperator() {
    GenericRetry retry = new GenericRetry()
        .setInitialInterval(INITIAL_DELAY_MILLIS)
        .setIntervalMultiplier(MULTIPLIER)
        .setMaxAttempts(MAX_RETRIES);
    Metrics recordExecutions = new Metrics() {
      @Override
      public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo,
          Map<String, Object> metadata) {
        executions.add(new Execution(System.nanoTime(), false,
            retryInfo == null ? -1 : retryInfo.getAttemptCount(),
            retryInfo != null && retryInfo.isLastAttempt()));
      }

      @Override
      public void failedReconciliation(HasMetadata resource, Exception exception,
          Map<String, Object> metadata) {
        Execution started = executions.get(executions.size() - 1);
        executions.add(new Execution(System.nanoTime(), true, started.retryAttempt(),
            started.lastAttempt()));
      }
    };
    operatorClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(
        client.getConfiguration()).withRequestRetryBackoffLimit(0).build()).build();
    operator = OperatorAssembly.create(operatorClient, OperatorDefaults.standard(), Set.of(),
        retry, configuration -> configuration.withMetrics(recordExecutions));
    operator.start();
  }

  /** Time from each failure to the start of the retry that follows it, in milliseconds. */
  private List<Long> delaysBeforeRetries() {
    List<Long> delays = new ArrayList<>();
    for (int i = 1; i < executions.size(); i++) {
      Execution previous = executions.get(i - 1);
      Execution current = executions.get(i);
      if (previous.failed() && !current.failed() && current.retryAttempt() > 0) {
        delays.add((current.nanos() - previous.nanos()) / 1_000_000);
      }
    }
    return delays;
  }
}
