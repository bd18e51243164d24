package dev.autoreply.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.autoreply.operator.assembly.OperatorAssembly;
import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import picocli.CommandLine;

/** The process that {@code run} starts: leader election, HTTP endpoints and shutdown. */
@EnableKubernetesMockClient(crud = true)
class OperatorProcessTest {

  private static final String OPERATOR_NAMESPACE = "autoreply-system";
  private static final String IDENTITY = "autoreply-operator-test-0";

  private KubernetesMockServer server;
  private KubernetesClient client;
  private OperatorProcess process;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void createCrds() throws IOException {
    Path crds = Path.of(System.getProperty("autoreply.repo.dir", ".."), "crds");
    try (Stream<Path> files = Files.list(crds)) {
      for (Path file : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          client.load(in).create();
        }
      }
    }
    client.namespaces().resource(new NamespaceBuilder()
        .withNewMetadata().withName(OPERATOR_NAMESPACE).endMetadata().build()).create();
  }

  @AfterEach
  void stopProcess() {
    if (process != null) {
      process.close();
    }
  }

  @Test
  void startupAndHealthReturnOkAfterStart() throws Exception {
    process = OperatorProcess.start(client, settings(null));

    assertThat(get("/startup").statusCode()).isEqualTo(200);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/healthz").body()).isEqualTo("ok\n");
  }

  @Test
  void metricsServeJosdkAndJvmMetrics() throws Exception {
    process = OperatorProcess.start(client, settings(null));

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body()).contains("operator_sdk_reconciliations_executions_autoreplytenant");
    assertThat(metrics.body()).contains("operator_sdk_reconciliations_queue_size_autoreplytenant");
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void leaderElectionTakesLease() throws Exception {
    // JOSDK checks the Lease permissions with a SelfSubjectRulesReview, which the mock server
    // rejects in CRUD mode. This response grants what the chart's ClusterRole grants.
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, "{\"apiVersion\":\"authorization.k8s.io/v1\","
            + "\"kind\":\"SelfSubjectRulesReview\",\"status\":{\"incomplete\":false,"
            + "\"nonResourceRules\":[],\"resourceRules\":[{\"apiGroups\":[\"coordination.k8s.io\"],"
            + "\"resources\":[\"leases\"],\"verbs\":[\"get\",\"create\",\"update\"]}]}}")
        .always();
    process = OperatorProcess.start(client, settings(OPERATOR_NAMESPACE));

    Lease lease = await().atMost(Duration.ofSeconds(30)).until(() -> client.leases()
        .inNamespace(OPERATOR_NAMESPACE).withName(OperatorAssembly.LEASE_NAME).get(),
        found -> found != null && found.getSpec().getHolderIdentity() != null);
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(IDENTITY);
    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(get("/startup").statusCode()).isEqualTo(200));
  }

  @Test
  void closeStopsOperatorAndEndpoints() throws Exception {
    process = OperatorProcess.start(client, settings(null));
    int port = process.httpPort();

    process.close();

    assertThat(process.operator().getRuntimeInfo().isStarted()).isFalse();
    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
  }

  @Test
  void runAcceptsChartArguments() {
    OperatorMain main = new OperatorMain();
    CommandLine.ParseResult result = new CommandLine(main).parseArgs("run",
        "--worker-image=ghcr.io/autoreply/worker:0.1.0", "--leader-election",
        "--namespace=acme", "--namespace=globex,initech");

    OperatorMain.Run run = (OperatorMain.Run) result.subcommand().commandSpec().userObject();
    assertThat(run.namespaces()).containsExactly("acme", "globex", "initech");
    assertThat(run.leaderElection()).isTrue();
  }

  @Test
  @DisabledIfEnvironmentVariable(named = "POD_NAMESPACE", matches = ".*")
  void leaderElectionWithoutNamespaceFails() {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new OperatorMain());
    command.setErr(new PrintWriter(err));

    int exitCode = command.execute("run", "--leader-election", "--http-port=0");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("--leader-election needs the namespace of the Lease:"
        + " set POD_NAMESPACE or pass --lease-namespace");
  }

  private OperatorProcess.Settings settings(String leaseNamespace) {
    return new OperatorProcess.Settings(Set.of(), OperatorDefaults.standard(), leaseNamespace,
        IDENTITY, new InetSocketAddress("127.0.0.1", 0));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + process.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
