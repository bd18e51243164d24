package dev.autoreply.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.PubSubSpec;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ReplySpec;
import dev.autoreply.api.v1alpha1.SecretReference;
import dev.autoreply.operator.assembly.OperatorAssembly;
import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures the operator with 1,000 tenants on the fabric8 mock API server in CRUD mode. Not a
 * test: its name keeps it out of the default test phase, and it asserts only that every tenant
 * became Ready. Run it with
 * {@code ./mvnw -q -pl api,operator test -Dtest=OperatorScaleBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints the figures and writes them to
 * {@code operator/target/benchmark/operator-1000-tenants.txt}.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorScaleBenchmark {

  private static final int TENANTS = Integer.getInteger("autoreply.bench.tenants", 1_000);
  private static final int NAMESPACES = 10;
  private static final String ACTOR_AGENT = "autoreply-bench-actor";
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private KubernetesMockServer server;
  private KubernetesClient client;

  @Test
  void thousandTenants() throws Exception {
    KubernetesClient actor = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(ACTOR_AGENT).build())
        .build();
    createCrds();
    createPolicyNamespacesAndSecrets(actor);
    for (int i = 0; i < TENANTS; i++) {
      actor.resource(tenant(i)).create();
    }
    drainRequests();
    long heapBeforeOperator = usedHeapAfterGc();

    AtomicInteger finishedReconciles = new AtomicInteger();
    Metrics countReconciles = new Metrics() {
      @Override
      public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        finishedReconciles.incrementAndGet();
      }
    };
    Operator operator = OperatorAssembly.create(client, OperatorDefaults.standard(), Set.of(),
        configuration -> configuration.withMetrics(countReconciles));
    long startNanos = System.nanoTime();
    operator.start();
    long startedNanos = System.nanoTime();

    int readyCount = awaitAllReady(actor);
    long readyNanos = System.nanoTime();
    // Lets the reconciles that the last status changes caused finish before counting.
    Thread.sleep(5_000);
    List<RecordedRequest> startupRequests = operatorRequests(drainRequests());
    long startupWrites = startupRequests.stream().filter(r -> !r.getMethod().equals("GET")).count();
    long heapAllReady = usedHeapAfterGc();

    int reconcilesBefore = finishedReconciles.get();
    actor.resources(RegionPolicy.class).withName(RegionPolicy.DEFAULT_NAME).edit(policy -> {
      policy.getMetadata().setAnnotations(Map.of("example.com/touched", "yes"));
      return policy;
    });
    long resyncStart = System.nanoTime();
    while (finishedReconciles.get() < reconcilesBefore + TENANTS
        && System.nanoTime() - resyncStart < TIMEOUT.toNanos()) {
      Thread.sleep(50);
    }
    long resyncNanos = System.nanoTime() - resyncStart;
    int resyncReconciles = finishedReconciles.get() - reconcilesBefore;
    Thread.sleep(2_000);
    List<RecordedRequest> resyncRequests = operatorRequests(drainRequests());
    List<String> resyncWrites = resyncRequests.stream()
        .filter(r -> !r.getMethod().equals("GET"))
        .map(RecordedRequest::getRequestLine)
        .toList();

    operator.stop();
    actor.close();

    String report = String.format("""
        tenants: %d in %d namespaces
        operator start (informers synced): %.1f s
        operator start to all tenants Ready: %.1f s
        API requests by the operator until all Ready: %d (%.1f per tenant), of them writes: %d (%.1f per tenant)
        idle resync: %d reconciles in %.1f s, write requests: %d
        used heap after GC: %d MiB before the operator started, %d MiB with all tenants Ready (difference %d MiB)
        writes until all Ready, by request: %s
        """,
        TENANTS, NAMESPACES,
        (startedNanos - startNanos) / 1e9,
        (readyNanos - startNanos) / 1e9,
        startupRequests.size(), startupRequests.size() / (double) TENANTS,
        startupWrites, startupWrites / (double) TENANTS,
        resyncReconciles, resyncNanos / 1e9, resyncWrites.size(),
        heapBeforeOperator >> 20, heapAllReady >> 20, (heapAllReady - heapBeforeOperator) >> 20,
        writesByRequest(startupRequests));
    System.out.println(report);
    if (!resyncWrites.isEmpty()) {
      System.out.println("first writes of the idle resync: "
          + resyncWrites.subList(0, Math.min(10, resyncWrites.size())));
    }
    Path out = Path.of("target", "benchmark");
    Files.createDirectories(out);
    Files.writeString(out.resolve("operator-1000-tenants.txt"), report);

    assertThat(readyCount).isEqualTo(TENANTS);
  }

  /**
   * Plays the Deployment controller: marks each new worker Deployment available, and returns
   * once every tenant reports Ready=True.
   */
  private int awaitAllReady(KubernetesClient actor) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Set<String> marked = new java.util.HashSet<>();
    int ready = 0;
    while (System.nanoTime() < deadline) {
      for (Deployment deployment : actor.apps().deployments().inAnyNamespace().list().getItems()) {
        String key = deployment.getMetadata().getNamespace() + "/"
            + deployment.getMetadata().getName();
        if (marked.add(key)) {
          actor.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
              .withName(deployment.getMetadata().getName()).editStatus(current -> {
                current.setStatus(new DeploymentStatusBuilder()
                    .withReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
                    .withUpdatedReplicas(1)
                    .withObservedGeneration(current.getMetadata().getGeneration())
                    .build());
                return current;
              });
        }
      }
      ready = (int) actor.resources(AutoReplyTenant.class).inAnyNamespace().list().getItems()
          .stream()
          .filter(tenant -> tenant.getStatus() != null && tenant.getStatus().getConditions()
              .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
          .count();
      if (ready == TENANTS) {
        return ready;
      }
      Thread.sleep(500);
    }
    return ready;
  }

  /** Counts write requests by method and resource, such as "PATCH autoreplytenants/status". */
  private static Map<String, Long> writesByRequest(List<RecordedRequest> requests) {
    return requests.stream()
        .filter(request -> !request.getMethod().equals("GET"))
        .collect(Collectors.groupingBy(
            request -> request.getMethod() + " " + resourceOf(request.getPath()),
            TreeMap::new, Collectors.counting()));
  }

  /** Resource of a request path, with its subresource: /api/v1/namespaces/a/pods/b/status to pods/status. */
  private static String resourceOf(String path) {
    List<String> segments = List.of(path.split("\\?")[0].split("/"));
    int namespaces = segments.indexOf("namespaces");
    if (namespaces < 0 || segments.size() <= namespaces + 2) {
      return segments.get(segments.size() - 1);
    }
    String resource = segments.get(namespaces + 2);
    return segments.size() > namespaces + 4 ? resource + "/" + segments.get(namespaces + 4) : resource;
  }

  private static List<RecordedRequest> operatorRequests(List<RecordedRequest> requests) {
    return requests.stream()
        .filter(request -> !ACTOR_AGENT.equals(request.getHeader("User-Agent")))
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

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void createCrds() throws IOException {
    Path crds = Path.of(System.getProperty("autoreply.repo.dir", ".."), "crds");
    try (Stream<Path> files = Files.list(crds)) {
      for (Path file : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          client.load(in).create();
        }
      }
    }
  }

  private static void createPolicyNamespacesAndSecrets(KubernetesClient actor) {
    RegionPolicySpec spec = new RegionPolicySpec();
    spec.setRegion("europe-west1");
    spec.setProjectId("acme-autoreply-prod");
    RegionPolicy policy = new RegionPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName(RegionPolicy.DEFAULT_NAME).build());
    policy.setSpec(spec);
    actor.resource(policy).create();
    for (int n = 0; n < NAMESPACES; n++) {
      actor.namespaces().resource(new NamespaceBuilder()
          .withNewMetadata().withName(namespace(n)).endMetadata().build()).create();
      actor.resource(new SecretBuilder()
          .withNewMetadata().withName("gmail").withNamespace(namespace(n)).endMetadata()
          .addToStringData("credentials.json", "{}")
          .build()).create();
    }
  }

  private static String namespace(int index) {
    return "tenants-" + index;
  }

  private static AutoReplyTenant tenant(int index) {
    AutoReplyTenantSpec spec = new AutoReplyTenantSpec();
    spec.setMailboxes(List.of("support@tenant" + index + ".example"));
    spec.setCredentialsSecretRef(new SecretReference("gmail"));
    PubSubSpec pubsub = new PubSubSpec();
    pubsub.setSubscription("projects/acme-autoreply-prod/subscriptions/tenant-" + index);
    spec.setPubsub(pubsub);
    ReplySpec reply = new ReplySpec();
    reply.setInstructions("Answer questions about orders.");
    spec.setReply(reply);
    AutoReplyTenant tenant = new AutoReplyTenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName("tenant-" + index)
        .withNamespace(namespace(index % NAMESPACES)).build());
    tenant.setSpec(spec);
    return tenant;
  }
}
