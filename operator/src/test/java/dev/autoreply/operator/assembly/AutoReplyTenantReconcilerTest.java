package dev.autoreply.operator.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.PubSubSpec;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ReplySpec;
import dev.autoreply.api.v1alpha1.ScalingSpec;
import dev.autoreply.api.v1alpha1.SecretReference;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.model.TenantStatusModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRulesBuilder;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real operator against the fabric8 mock API server in CRUD mode. The mock has no
 * controllers and no garbage collector, so the tests play the Deployment controller's part by
 * writing Deployment status, and check owner references in place of deletion.
 */
@EnableKubernetesMockClient(crud = true)
class AutoReplyTenantReconcilerTest {

  private static final String NAMESPACE = "acme";
  private static final String TENANT = "acme-support";
  private static final String WORKER = TENANT + "-worker";
  private static final String SETTINGS = TENANT + "-worker-settings";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String ACTOR_AGENT = "autoreply-test-actor";

  private KubernetesMockServer server;
  private KubernetesClient client;
  private Operator operator;
  /** Client for the test's own writes, which plays the user and the kube controllers. */
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
  void tenantCreatesWorkerObjects() {
    createPolicyAndSecret();
    client.resource(tenant()).create();

    HorizontalPodAutoscaler hpa = awaitObject(HorizontalPodAutoscaler.class, WORKER);
    ServiceAccount serviceAccount = awaitObject(ServiceAccount.class, WORKER);
    ConfigMap settings = awaitObject(ConfigMap.class, SETTINGS);
    Deployment deployment = awaitObject(Deployment.class, WORKER);

    assertThat(serviceAccount.getAutomountServiceAccountToken()).isFalse();
    assertThat(serviceAccount.getMetadata().getLabels())
        .containsEntry(WorkerNames.LABEL_MANAGED_BY, "autoreply-operator");

    assertThat(settings.getData()).containsOnlyKeys(WorkerSettingsFile.SETTINGS_KEY);
    assertThat(settings.getData().get(WorkerSettingsFile.SETTINGS_KEY)).isEqualTo("""
        tenant: acme/acme-support
        mailboxes:
        - support@acme.example
        - billing@acme.example
        subscription: projects/acme-autoreply-prod/subscriptions/gmail-push
        projectId: acme-autoreply-prod
        vertexAiLocation: europe-west1
        firestoreDatabase: replies
        model: gemini-2.5-flash
        maxOutputTokens: 1024
        tone: formal
        mode: draft
        instructions: Answer questions about Acme orders.
        signature: The Acme support team
        template: null
        topic: null
        redisAddress: null
        whenModelUnavailable: defer
        priority:
          vipDomains: []
          urgentKeywords: []
          vipCustomerTiers: []
          threadRepliesFirst: false
          urgent: null
          high: null
        """);

    var podSpec = deployment.getSpec().getTemplate().getSpec();
    var container = podSpec.getContainers().get(0);
    assertThat(deployment.getSpec().getReplicas()).isNull();
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of(
        "app.kubernetes.io/name", "autoreply-worker",
        "app.kubernetes.io/instance", TENANT));
    assertThat(podSpec.getServiceAccountName()).isEqualTo(WORKER);
    assertThat(podSpec.getVolumes()).hasSize(3);
    assertThat(podSpec.getVolumes().get(0).getConfigMap().getName()).isEqualTo(SETTINGS);
    assertThat(podSpec.getVolumes().get(1).getSecret().getSecretName()).isEqualTo("acme-gmail");
    assertThat(podSpec.getVolumes().get(1).getSecret().getDefaultMode()).isEqualTo(0400);
    assertThat(podSpec.getVolumes().get(2).getEmptyDir()).isNotNull();
    assertThat(container.getVolumeMounts()).extracting("mountPath").containsExactly(
        "/etc/autoreply/settings", "/etc/autoreply/credentials", "/tmp");
    assertThat(container.getArgs()).containsExactly("run",
        "--settings", "/etc/autoreply/settings/worker.yaml",
        "--credentials", "/etc/autoreply/credentials");
    assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getSecurityContext().getSeccompProfile().getType())
        .isEqualTo("RuntimeDefault");

    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(4);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization())
        .isEqualTo(60);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(WORKER);

    Condition notReady = awaitReadyCondition("False");
    assertThat(notReady.getReason()).isEqualTo(TenantStatusModel.REASON_WORKER_UNAVAILABLE);
    assertThat(notReady.getObservedGeneration()).isEqualTo(currentTenant().getMetadata().getGeneration());

    setAvailableReplicas(1);

    Condition ready = awaitReadyCondition("True");
    AutoReplyTenant current = currentTenant();
    assertThat(ready.getReason()).isEqualTo(TenantStatusModel.REASON_WORKER_AVAILABLE);
    assertThat(ready.getObservedGeneration()).isEqualTo(current.getMetadata().getGeneration());
    assertThat(current.getStatus().getObservedGeneration())
        .isEqualTo(current.getMetadata().getGeneration());
    assertThat(current.getStatus().getReadyReplicas()).isEqualTo(1);
  }

  @Test
  void ownedObjectsReferToTenant() {
    createPolicyAndSecret();
    client.resource(tenant()).create();

    List<HasMetadata> owned = List.of(
        awaitObject(ServiceAccount.class, WORKER),
        awaitObject(ConfigMap.class, SETTINGS),
        awaitObject(Deployment.class, WORKER),
        awaitObject(HorizontalPodAutoscaler.class, WORKER));
    String uid = currentTenant().getMetadata().getUid();

    for (HasMetadata object : owned) {
      assertThat(object.getMetadata().getOwnerReferences()).as(object.getKind()).hasSize(1);
      OwnerReference reference = object.getMetadata().getOwnerReferences().get(0);
      assertThat(reference.getApiVersion()).as(object.getKind()).isEqualTo("autoreply.dev/v1alpha1");
      assertThat(reference.getKind()).as(object.getKind()).isEqualTo("AutoReplyTenant");
      assertThat(reference.getName()).as(object.getKind()).isEqualTo(TENANT);
      assertThat(reference.getUid()).as(object.getKind()).isEqualTo(uid);
      assertThat(reference.getController()).as(object.getKind()).isTrue();
      assertThat(reference.getBlockOwnerDeletion()).as(object.getKind()).isTrue();
    }
  }

  @Test
  void specChangeUpdatesSettingsAndAutoscaler() {
    createPolicyAndSecret();
    client.resource(tenant()).create();
    awaitReadyCondition("False");
    String hashBefore = settingsHash(awaitObject(Deployment.class, WORKER));

    client.resources(AutoReplyTenant.class).inNamespace(NAMESPACE).withName(TENANT)
        .edit(tenant -> {
          tenant.getSpec().getScaling().setMaxReplicas(6);
          tenant.getSpec().getReply().setInstructions("Answer in German.");
          return tenant;
        });

    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
        get(HorizontalPodAutoscaler.class, WORKER).getSpec().getMaxReplicas()).isEqualTo(6));
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
        get(ConfigMap.class, SETTINGS).getData().get(WorkerSettingsFile.SETTINGS_KEY))
        .contains("instructions: Answer in German."));
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
        settingsHash(get(Deployment.class, WORKER))).isNotEqualTo(hashBefore));
    assertThat(get(HorizontalPodAutoscaler.class, WORKER).getSpec().getMinReplicas()).isEqualTo(2);
  }

  @Test
  void idleReconcileSendsNoWrites() throws InterruptedException {
    createPolicyAndSecret();
    client.resource(tenant()).create();
    awaitObject(HorizontalPodAutoscaler.class, WORKER);
    setAvailableReplicas(1);
    awaitReadyCondition("True");
    drainRequests();

    assertThat(operatorWritesDuringIdleReconcile()).isEmpty();
  }

  @Test
  void serverDefaultsCauseNoWrites() throws InterruptedException {
    createPolicyAndSecret();
    client.resource(tenant()).create();
    awaitObject(HorizontalPodAutoscaler.class, WORKER);
    awaitReadyCondition("False");
    drainRequests();

    // The fields a real API server and its controllers add to the objects the operator wrote.
    actor.apps().deployments().inNamespace(NAMESPACE).withName(WORKER).edit(deployment -> {
      deployment.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", "1");
      deployment.getSpec().setReplicas(2);
      deployment.getSpec().setProgressDeadlineSeconds(600);
      deployment.getSpec().setRevisionHistoryLimit(10);
      var pod = deployment.getSpec().getTemplate().getSpec();
      pod.setRestartPolicy("Always");
      pod.setDnsPolicy("ClusterFirst");
      pod.setSchedulerName("default-scheduler");
      pod.setTerminationGracePeriodSeconds(30L);
      var container = pod.getContainers().get(0);
      container.setTerminationMessagePath("/dev/termination-log");
      container.setTerminationMessagePolicy("File");
      container.getLivenessProbe().setTimeoutSeconds(1);
      container.getLivenessProbe().setFailureThreshold(3);
      container.getLivenessProbe().getHttpGet().setScheme("HTTP");
      container.getReadinessProbe().setSuccessThreshold(1);
      pod.getVolumes().get(2).getEmptyDir().setMedium("");
      return deployment;
    });
    actor.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NAMESPACE).withName(WORKER)
        .edit(hpa -> {
          hpa.getSpec().getBehavior().getScaleDown().setSelectPolicy("Max");
          hpa.getSpec().getBehavior().setScaleUp(new HPAScalingRulesBuilder()
              .withStabilizationWindowSeconds(0)
              .withSelectPolicy("Max")
              .addNewPolicy().withType("Pods").withValue(4).withPeriodSeconds(15).endPolicy()
              .build());
          return hpa;
        });
    actor.serviceAccounts().inNamespace(NAMESPACE).withName(WORKER).edit(account -> {
      account.getMetadata().getLabels().put("example.com/team", "mail");
      return account;
    });

    assertThat(operatorWritesDuringIdleReconcile()).isEmpty();
    assertThat(get(Deployment.class, WORKER).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void updateKeepsReplicasSetByOthers() {
    createPolicyAndSecret();
    client.resource(tenant()).create();
    awaitReadyCondition("False");
    String hashBefore = settingsHash(awaitObject(Deployment.class, WORKER));
    client.apps().deployments().inNamespace(NAMESPACE).withName(WORKER).edit(deployment -> {
      deployment.getSpec().setReplicas(5);
      return deployment;
    });

    client.resources(AutoReplyTenant.class).inNamespace(NAMESPACE).withName(TENANT)
        .edit(tenant -> {
          tenant.getSpec().getReply().setSignature("Acme customer care");
          return tenant;
        });

    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
        settingsHash(get(Deployment.class, WORKER))).isNotEqualTo(hashBefore));
    assertThat(get(Deployment.class, WORKER).getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void missingRegionPolicyReportsNotFound() {
    client.resource(new SecretBuilder().withNewMetadata().withName("acme-gmail")
        .withNamespace(NAMESPACE).endMetadata().build()).create();
    client.resource(tenant()).create();

    Condition notFound = awaitReadyCondition("False");
    assertThat(notFound.getReason()).isEqualTo(TenantStatusModel.REASON_REGION_POLICY_NOT_FOUND);
    assertThat(notFound.getMessage()).contains("RegionPolicy default not found");
    assertThat(get(Deployment.class, WORKER)).isNull();

    client.resource(policy()).create();

    awaitObject(Deployment.class, WORKER);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(readyCondition(currentTenant())
        .getReason()).isEqualTo(TenantStatusModel.REASON_WORKER_UNAVAILABLE));
  }

  @Test
  void namespacedOperatorReadsClusterPolicy() {
    operator.stop();
    operator = OperatorAssembly.create(
        client, OperatorDefaults.standard(), Set.of(NAMESPACE), configuration -> { });
    operator.start();
    createPolicyAndSecret();

    client.resource(tenant()).create();

    assertThat(awaitObject(Deployment.class, WORKER).getMetadata().getNamespace())
        .isEqualTo(NAMESPACE);
    assertThat(awaitReadyCondition("False").getReason())
        .isEqualTo(TenantStatusModel.REASON_WORKER_UNAVAILABLE);
  }

  private void createPolicyAndSecret() {
    client.resource(policy()).create();
    client.resource(new SecretBuilder()
        .withNewMetadata().withName("acme-gmail").withNamespace(NAMESPACE).endMetadata()
        .addToStringData("credentials.json", "{}")
        .build()).create();
  }

  private static RegionPolicy policy() {
    RegionPolicySpec spec = new RegionPolicySpec();
    spec.setRegion("europe-west1");
    spec.setProjectId("acme-autoreply-prod");
    spec.setFirestoreDatabase("replies");
    RegionPolicy policy = new RegionPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName(RegionPolicy.DEFAULT_NAME).build());
    policy.setSpec(spec);
    return policy;
  }

  private static AutoReplyTenant tenant() {
    AutoReplyTenantSpec spec = new AutoReplyTenantSpec();
    spec.setMailboxes(List.of("Support@Acme.example", "billing@acme.example"));
    spec.setCredentialsSecretRef(new SecretReference("acme-gmail"));
    PubSubSpec pubsub = new PubSubSpec();
    pubsub.setSubscription("projects/acme-autoreply-prod/subscriptions/gmail-push");
    spec.setPubsub(pubsub);
    spec.setTone(dev.autoreply.api.v1alpha1.Tone.FORMAL);
    spec.setMode(dev.autoreply.api.v1alpha1.ReplyMode.DRAFT);
    ReplySpec reply = new ReplySpec();
    reply.setInstructions("Answer questions about Acme orders.");
    reply.setSignature("The Acme support team");
    spec.setReply(reply);
    ScalingSpec scaling = new ScalingSpec();
    scaling.setMinReplicas(2);
    scaling.setMaxReplicas(4);
    scaling.setTargetCpuUtilization(60);
    spec.setScaling(scaling);

    AutoReplyTenant tenant = new AutoReplyTenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(TENANT).withNamespace(NAMESPACE).build());
    tenant.setSpec(spec);
    return tenant;
  }

  private void setAvailableReplicas(int replicas) {
    awaitObject(Deployment.class, WORKER);
    actor.apps().deployments().inNamespace(NAMESPACE).withName(WORKER).editStatus(deployment -> {
      deployment.setStatus(new DeploymentStatusBuilder()
          .withReplicas(replicas)
          .withReadyReplicas(replicas)
          .withAvailableReplicas(replicas)
          .withObservedGeneration(deployment.getMetadata().getGeneration())
          .build());
      return deployment;
    });
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

  private Condition awaitReadyCondition(String status) {
    return await().atMost(TIMEOUT).until(() -> readyCondition(currentTenant()),
        condition -> condition != null && status.equals(condition.getStatus()));
  }

  private static Condition readyCondition(AutoReplyTenant tenant) {
    return TenantStatusModel.findCondition(tenant.getStatus(), TenantStatusModel.CONDITION_READY)
        .orElse(null);
  }

  private static String settingsHash(Deployment deployment) {
    return deployment.getSpec().getTemplate().getMetadata().getAnnotations()
        .get(WorkerNames.SETTINGS_HASH_ANNOTATION);
  }

  /**
   * Touches the RegionPolicy, which reconciles the tenant with nothing to change, and returns
   * the write requests the operator sent since the last drain until that reconcile finished.
   * The test's own writes go through {@link #actor} and are recognized by their User-Agent header.
   */
  private List<String> operatorWritesDuringIdleReconcile() throws InterruptedException {
    int reconcilesBefore = finishedReconciles.get();
    actor.resources(RegionPolicy.class).withName(RegionPolicy.DEFAULT_NAME).edit(policy -> {
      policy.getMetadata().setAnnotations(Map.of("example.com/touched", "yes"));
      return policy;
    });
    await().atMost(TIMEOUT).until(() -> finishedReconciles.get() > reconcilesBefore);

    return drainRequests().stream()
        .filter(request -> !request.getMethod().equals("GET"))
        .filter(request -> !ACTOR_AGENT.equals(request.getHeader("User-Agent")))
        .map(RecordedRequest::getRequestLine)
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
