package dev.autoreply.operator.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoreply.api.v1alpha1.AccessSpec;
import dev.autoreply.api.v1alpha1.AccessSubject;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.BacklogScalingSpec;
import dev.autoreply.api.v1alpha1.PubSubSpec;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ReplySpec;
import dev.autoreply.api.v1alpha1.ScaleTier;
import dev.autoreply.api.v1alpha1.ScalingSpec;
import dev.autoreply.api.v1alpha1.SecretReference;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.model.TenantStatusModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real operator against the fabric8 mock API server in CRUD mode for credentials,
 * suspend and resume, status writes, Events, autoscaling, RBAC and the PodDisruptionBudget.
 * The test's own writes go through {@link #actor}, and its User-Agent distinguishes them from the
 * operator's requests.
 */
@EnableKubernetesMockClient(crud = true)
class TenantLifecycleReconcilerTest {

  private static final String NAMESPACE = "acme";
  private static final String TENANT = "acme-support";
  private static final String WORKER = TENANT + "-worker";
  private static final String SECRET = "acme-gmail";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String ACTOR_AGENT = "autoreply-test-actor";
  private static final String DEPLOYMENT_PATH =
      "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments/" + WORKER;
  private static final String EVENTS_PATH = "/api/v1/namespaces/" + NAMESPACE + "/events";

  private KubernetesMockServer server;
  private KubernetesClient client;
  private Operator operator;
  private KubernetesClient actor;
  private final AtomicInteger finishedReconciles = new AtomicInteger();

  @BeforeEach
  void startOperator() throws IOException {
    Path crds = Path.of(System.getProperty("autoreply.repo.dir", ".."), "crds");
    try (Stream<Path> files = Files.list(crds)) {
      for (Path file : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          client.load(in).create();
        }
      }
    }
    client.namespaces().resource(new NamespaceBuilder()
        .withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
    Metrics countReconciles = new Metrics() {
      @Override
      public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        finishedReconciles.incrementAndGet();
      }
    };
    operator = OperatorAssembly.create(client, OperatorDefaults.standard(), Set.of(),
        configuration -> configuration.withMetrics(countReconciles));
    operator.start();
    actor = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(ACTOR_AGENT).build())
        .build();
  }

  @AfterEach
  void stopOperator() {
    operator.stop();
    actor.close();
  }

  @Test
  void missingSecretWaitsWithoutRetries() throws InterruptedException {
    actor.resource(policy()).create();
    actor.resource(tenant()).create();

    Condition credentials = awaitCondition(TenantStatusModel.CONDITION_CREDENTIALS_READY, "False");
    assertThat(credentials.getReason()).isEqualTo("SecretNotFound");
    assertThat(credentials.getMessage()).contains("Secret acme-gmail not found in namespace acme")
        .contains("kubectl create secret generic acme-gmail -n acme --from-file=credentials.json=");
    assertThat(condition(TenantStatusModel.CONDITION_READY).getReason())
        .isEqualTo("SecretNotFound");
    assertThat(get(Deployment.class, WORKER)).isNull();

    for (int i = 0; i < 5; i++) {
      touchPolicyAndAwaitReconcile(i);
    }
    List<RecordedRequest> requests = drainRequests();
    assertThat(operatorRequests(requests, "POST", path -> path.startsWith(EVENTS_PATH)))
        .as("SecretNotFound Events").hasSize(1);
    assertThat(get(Deployment.class, WORKER)).isNull();

    actor.resource(secret("{\"v\":1}")).create();

    Deployment deployment = awaitObject(Deployment.class, WORKER);
    assertThat(credentialsHash(deployment)).hasSize(64);
    awaitCondition(TenantStatusModel.CONDITION_CREDENTIALS_READY, "True");
  }

  @Test
  void secretChangeRollsPodsOnce() throws InterruptedException {
    actor.resource(policy()).create();
    actor.resource(secret("{\"v\":1}")).create();
    actor.resource(tenant()).create();
    String before = credentialsHash(awaitObject(Deployment.class, WORKER));
    awaitCondition(TenantStatusModel.CONDITION_CREDENTIALS_READY, "True");
    drainRequests();

    actor.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
        .withNewMetadata().withName("other-secret").withNamespace(NAMESPACE).endMetadata()
        .addToStringData("token", "x").build()).create();
    touchPolicyAndAwaitReconcile(0);
    assertThat(operatorRequests(drainRequests(), "PUT", DEPLOYMENT_PATH::equals))
        .as("updates after an unrelated Secret").isEmpty();

    actor.secrets().inNamespace(NAMESPACE).withName(SECRET).edit(secret -> {
      secret.setStringData(Map.of("credentials.json", "{\"v\":2}"));
      return secret;
    });
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(credentialsHash(get(Deployment.class, WORKER))).isNotEqualTo(before));
    touchPolicyAndAwaitReconcile(1);
    touchPolicyAndAwaitReconcile(2);

    List<RecordedRequest> requests = drainRequests();
    assertThat(operatorRequests(requests, "PUT", DEPLOYMENT_PATH::equals)).hasSize(1);
    assertThat(operatorRequests(requests, "PATCH", DEPLOYMENT_PATH::equals)).isEmpty();
  }

  @Test
  void idleResyncsWriteNoStatus() throws InterruptedException {
    actor.resource(policy()).create();
    actor.resource(secret("{}")).create();
    actor.resource(tenant()).create();
    awaitObject(Deployment.class, WORKER);
    setAvailableReplicas(2);
    awaitCondition(TenantStatusModel.CONDITION_WORKER_AVAILABLE, "True");
    drainRequests();

    for (int i = 0; i < 20; i++) {
      touchPolicyAndAwaitReconcile(i);
    }

    List<RecordedRequest> requests = drainRequests();
    Predicate<String> statusPath = path -> path.endsWith("/status");
    assertThat(operatorRequests(requests, "PATCH", statusPath)).isEmpty();
    assertThat(operatorRequests(requests, "PUT", statusPath)).isEmpty();
    assertThat(requests.stream()
        .filter(request -> !request.getMethod().equals("GET"))
        .filter(request -> !ACTOR_AGENT.equals(request.getHeader("User-Agent")))
        .map(RecordedRequest::getRequestLine)
        .toList()).isEmpty();
  }

  @Test
  void statusReportsBoundsAndConditions() {
    actor.resource(policy()).create();
    actor.resource(secret("{}")).create();
    actor.resource(tenant()).create();
    awaitObject(Deployment.class, WORKER);
    setAvailableReplicas(1);

    Condition worker = awaitCondition(TenantStatusModel.CONDITION_WORKER_AVAILABLE, "False");
    assertThat(worker.getReason()).isEqualTo("MinReplicasUnavailable");
    AutoReplyTenant current = currentTenant();
    assertThat(current.getStatus().getMinReplicas()).isEqualTo(2);
    assertThat(current.getStatus().getMaxReplicas()).isEqualTo(5);
    assertThat(current.getStatus().getMailboxes()).isEqualTo(2);
    assertThat(current.getStatus().getActiveSchedule()).isNull();
    assertThat(current.getStatus().getObservedGeneration())
        .isEqualTo(current.getMetadata().getGeneration());
    assertThat(condition(TenantStatusModel.CONDITION_READY).getStatus()).isEqualTo("True");
    assertThat(condition(TenantStatusModel.CONDITION_SCHEDULE_ACTIVE).getReason())
        .isEqualTo("NoWindow");
    assertThat(condition(TenantStatusModel.CONDITION_SUSPENDED).getStatus()).isEqualTo("False");
    String transition = condition(TenantStatusModel.CONDITION_SUSPENDED).getLastTransitionTime();

    setAvailableReplicas(2);

    awaitCondition(TenantStatusModel.CONDITION_WORKER_AVAILABLE, "True");
    assertThat(condition(TenantStatusModel.CONDITION_SUSPENDED).getLastTransitionTime())
        .isEqualTo(transition);
  }

  @Test
  void suspendDeletesAutoscalerAndResumeRestoresMin() {
    actor.resource(policy()).create();
    actor.resource(secret("{}")).create();
    actor.resource(tenant()).create();
    awaitObject(HorizontalPodAutoscaler.class, WORKER);
    awaitObject(Deployment.class, WORKER);
    actor.apps().deployments().inNamespace(NAMESPACE).withName(WORKER).edit(deployment -> {
      deployment.getSpec().setReplicas(4);
      return deployment;
    });

    actor.resources(AutoReplyTenant.class).inNamespace(NAMESPACE).withName(TENANT)
        .edit(tenant -> {
          tenant.getSpec().setSuspend(true);
          return tenant;
        });

    await().atMost(TIMEOUT).until(() -> get(HorizontalPodAutoscaler.class, WORKER) == null);
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(get(Deployment.class, WORKER).getSpec().getReplicas()).isZero());
    Condition suspended = awaitCondition(TenantStatusModel.CONDITION_SUSPENDED, "True");
    assertThat(suspended.getReason()).isEqualTo("SuspendedBySpec");

    actor.resources(AutoReplyTenant.class).inNamespace(NAMESPACE).withName(TENANT)
        .edit(tenant -> {
          tenant.getSpec().setSuspend(false);
          return tenant;
        });

    awaitObject(HorizontalPodAutoscaler.class, WORKER);
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(get(Deployment.class, WORKER).getSpec().getReplicas()).isEqualTo(2));
    awaitCondition(TenantStatusModel.CONDITION_SUSPENDED, "False");

    // The HorizontalPodAutoscaler owns the count again, so the operator keeps what it sets.
    actor.apps().deployments().inNamespace(NAMESPACE).withName(WORKER).edit(deployment -> {
      deployment.getSpec().setReplicas(3);
      return deployment;
    });
    actor.resources(AutoReplyTenant.class).inNamespace(NAMESPACE).withName(TENANT)
        .edit(tenant -> {
          tenant.getSpec().getReply().setSignature("Acme care");
          return tenant;
        });
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
        get(Deployment.class, WORKER).getMetadata().getGeneration()).isGreaterThan(4L));
    assertThat(get(Deployment.class, WORKER).getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void backlogAddsExternalMetric() {
    actor.resource(policy()).create();
    actor.resource(secret("{}")).create();
    AutoReplyTenant tenant = tenant();
    BacklogScalingSpec backlog = new BacklogScalingSpec();
    backlog.setTargetPerReplica(15);
    tenant.getSpec().getScaling().setBacklog(backlog);
    tenant.getSpec().getScaling().setScaleDownStabilizationSeconds(120);
    actor.resource(tenant).create();

    HorizontalPodAutoscaler hpa = awaitObject(HorizontalPodAutoscaler.class, WORKER);

    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
    assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds())
        .isEqualTo(120);
    List<MetricSpec> metrics = hpa.getSpec().getMetrics();
    assertThat(metrics).extracting(MetricSpec::getType).containsExactly("Resource", "External");
    assertThat(metrics.get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(65);
    var external = metrics.get(1).getExternal();
    assertThat(external.getMetric().getName())
        .isEqualTo("pubsub.googleapis.com|subscription|num_undelivered_messages");
    assertThat(external.getMetric().getSelector().getMatchLabels())
        .isEqualTo(Map.of("resource.labels.subscription_id", "gmail-push"));
    assertThat(external.getTarget().getType()).isEqualTo("AverageValue");
    assertThat(external.getTarget().getAverageValue().toString()).isEqualTo("15");
  }

  @Test
  void rbacGrantsOnlyNamedObjects() {
    actor.resource(policy()).create();
    actor.resource(secret("{}")).create();
    AutoReplyTenant tenant = tenant();
    AccessSpec access = new AccessSpec();
    access.setAdmins(List.of(subject(AccessSubject.Kind.USER, "alice@acme.example")));
    access.setViewers(List.of(subject(AccessSubject.Kind.GROUP, "acme-support-team")));
    tenant.getSpec().setAccess(access);
    actor.resource(tenant).create();

    Role worker = awaitObject(Role.class, WORKER);
    assertThat(worker.getRules()).hasSize(2);
    assertRule(worker.getRules().get(0), "", "secrets", SECRET, "get", "watch");
    assertRule(worker.getRules().get(1), "", "configmaps", TENANT + "-worker-settings",
        "get", "watch");
    RoleBinding workerBinding = awaitObject(RoleBinding.class, WORKER);
    assertThat(workerBinding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(workerBinding.getRoleRef().getName()).isEqualTo(WORKER);
    assertThat(workerBinding.getSubjects()).hasSize(1);
    assertThat(workerBinding.getSubjects().get(0).getKind()).isEqualTo("ServiceAccount");
    assertThat(workerBinding.getSubjects().get(0).getName()).isEqualTo(WORKER);
    assertThat(workerBinding.getSubjects().get(0).getNamespace()).isEqualTo(NAMESPACE);

    Role admin = awaitObject(Role.class, TENANT + "-tenant-admin");
    assertThat(admin.getRules()).hasSize(2);
    assertRule(admin.getRules().get(0), "autoreply.dev", "autoreplytenants", TENANT,
        "get", "list", "watch", "update", "patch");
    assertRule(admin.getRules().get(1), "autoreply.dev", "autoreplytenants/status", TENANT,
        "get");
    RoleBinding adminBinding = awaitObject(RoleBinding.class, TENANT + "-tenant-admin");
    assertThat(adminBinding.getSubjects()).hasSize(1);
    assertThat(adminBinding.getSubjects().get(0).getKind()).isEqualTo("User");
    assertThat(adminBinding.getSubjects().get(0).getName()).isEqualTo("alice@acme.example");

    Role viewer = awaitObject(Role.class, TENANT + "-tenant-viewer");
    assertRule(viewer.getRules().get(0), "autoreply.dev", "autoreplytenants", TENANT,
        "get", "list", "watch");
    RoleBinding viewerBinding = awaitObject(RoleBinding.class, TENANT + "-tenant-viewer");
    assertThat(viewerBinding.getSubjects().get(0).getKind()).isEqualTo("Group");
    assertThat(viewerBinding.getSubjects().get(0).getName()).isEqualTo("acme-support-team");

    actor.resources(AutoReplyTenant.class).inNamespace(NAMESPACE).withName(TENANT)
        .edit(current -> {
          current.getSpec().getAccess().setViewers(List.of());
          return current;
        });

    await().atMost(TIMEOUT).until(() -> get(Role.class, TENANT + "-tenant-viewer") == null);
    await().atMost(TIMEOUT).until(() -> get(RoleBinding.class, TENANT + "-tenant-viewer") == null);
    assertThat(get(Role.class, TENANT + "-tenant-admin")).isNotNull();
  }

  @Test
  void disruptionBudgetFollowsMinBound() {
    actor.resource(policy()).create();
    actor.resource(secret("{}")).create();
    actor.resource(tenant()).create();

    PodDisruptionBudget budget = awaitObject(PodDisruptionBudget.class, WORKER);
    assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(
        "app.kubernetes.io/name", "autoreply-worker",
        "app.kubernetes.io/instance", TENANT));
    var spread = awaitObject(Deployment.class, WORKER).getSpec().getTemplate().getSpec()
        .getTopologySpreadConstraints();
    assertThat(spread).hasSize(1);
    assertThat(spread.get(0).getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(spread.get(0).getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");

    actor.resources(AutoReplyTenant.class).inNamespace(NAMESPACE).withName(TENANT)
        .edit(tenant -> {
          tenant.getSpec().getScaling().setMinReplicas(1);
          return tenant;
        });

    await().atMost(TIMEOUT).until(() -> get(PodDisruptionBudget.class, WORKER) == null);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
        get(HorizontalPodAutoscaler.class, WORKER).getSpec().getMinReplicas()).isEqualTo(1));
  }

  private static void assertRule(PolicyRule rule, String group, String resource, String name,
      String... verbs) {
    assertThat(rule.getApiGroups()).containsExactly(group);
    assertThat(rule.getResources()).containsExactly(resource);
    assertThat(rule.getResourceNames()).containsExactly(name);
    assertThat(rule.getVerbs()).containsExactly(verbs);
  }

  private static AccessSubject subject(AccessSubject.Kind kind, String name) {
    AccessSubject subject = new AccessSubject();
    subject.setKind(kind);
    subject.setName(name);
    return subject;
  }

  private static RegionPolicy policy() {
    RegionPolicySpec spec = new RegionPolicySpec();
    spec.setRegion("europe-west1");
    spec.setProjectId("acme-autoreply-prod");
    RegionPolicy policy = new RegionPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName(RegionPolicy.DEFAULT_NAME).build());
    policy.setSpec(spec);
    return policy;
  }

  private static Secret secret(String credentials) {
    return new SecretBuilder()
        .withNewMetadata().withName(SECRET).withNamespace(NAMESPACE).endMetadata()
        .addToStringData("credentials.json", credentials)
        .build();
  }

  /** Tenant of tier medium (2 to 5 replicas, CPU target 65) without explicit bounds. */
  private static AutoReplyTenant tenant() {
    AutoReplyTenantSpec spec = new AutoReplyTenantSpec();
    spec.setMailboxes(List.of("Support@Acme.example", "support@acme.example ",
        "billing@acme.example"));
    spec.setCredentialsSecretRef(new SecretReference(SECRET));
    PubSubSpec pubsub = new PubSubSpec();
    pubsub.setSubscription("projects/acme-autoreply-prod/subscriptions/gmail-push");
    spec.setPubsub(pubsub);
    ReplySpec reply = new ReplySpec();
    reply.setInstructions("Answer questions about Acme orders.");
    spec.setReply(reply);
    ScalingSpec scaling = new ScalingSpec();
    scaling.setTier(ScaleTier.MEDIUM);
    spec.setScaling(scaling);
    AutoReplyTenant tenant = new AutoReplyTenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(TENANT).withNamespace(NAMESPACE).build());
    tenant.setSpec(spec);
    return tenant;
  }

  private void setAvailableReplicas(int replicas) {
    actor.apps().deployments().inNamespace(NAMESPACE).withName(WORKER).editStatus(deployment -> {
      deployment.setStatus(new DeploymentStatusBuilder()
          .withReplicas(replicas)
          .withReadyReplicas(replicas)
          .withAvailableReplicas(replicas)
          .build());
      return deployment;
    });
  }

  /** Touches the RegionPolicy, which reconciles the tenant, and waits for that reconcile. */
  private void touchPolicyAndAwaitReconcile(int round) {
    int before = finishedReconciles.get();
    actor.resources(RegionPolicy.class).withName(RegionPolicy.DEFAULT_NAME).edit(policy -> {
      policy.getMetadata().setAnnotations(Map.of("example.com/touched", Integer.toString(round)));
      return policy;
    });
    await().atMost(TIMEOUT).until(() -> finishedReconciles.get() > before);
  }

  private List<String> operatorRequests(List<RecordedRequest> requests, String method,
      Predicate<String> path) {
    return requests.stream()
        .filter(request -> request.getMethod().equals(method))
        .filter(request -> !ACTOR_AGENT.equals(request.getHeader("User-Agent")))
        .filter(request -> path.test(request.getPath().split("\\?")[0]))
        .map(RecordedRequest::getRequestLine)
        .toList();
  }

  private <T extends HasMetadata> T get(Class<T> type, String name) {
    return client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }

  private <T extends HasMetadata> T awaitObject(Class<T> type, String name) {
    return await().atMost(TIMEOUT).until(() -> get(type, name), object -> object != null);
  }

  private AutoReplyTenant currentTenant() {
    return get(AutoReplyTenant.class, TENANT);
  }

  private Condition condition(String type) {
    return TenantStatusModel.findCondition(currentTenant().getStatus(), type).orElse(null);
  }

  private Condition awaitCondition(String type, String status) {
    return await().atMost(TIMEOUT).until(() -> condition(type),
        condition -> condition != null && status.equals(condition.getStatus()));
  }

  private static String credentialsHash(Deployment deployment) {
    return deployment.getSpec().getTemplate().getMetadata().getAnnotations()
        .get(WorkerNames.CREDENTIALS_HASH_ANNOTATION);
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
