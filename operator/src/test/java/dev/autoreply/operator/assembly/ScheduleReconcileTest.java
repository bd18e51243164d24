package dev.autoreply.operator.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.PubSubSpec;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ReplySpec;
import dev.autoreply.api.v1alpha1.ScheduleSpec;
import dev.autoreply.api.v1alpha1.SecretReference;
import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the real operator against the fabric8 mock API server in CRUD mode for a tenant with
 * schedule windows: the CronJobs and the scheduler's RBAC follow spec.schedules.
 */
@EnableKubernetesMockClient(crud = true)
class ScheduleReconcileTest {

  private static final String NAMESPACE = "acme";
  private static final String TENANT = "acme-support";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private KubernetesClient client;
  private Operator operator;

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
    operator = OperatorAssembly.create(client, OperatorDefaults.standard(), Set.of(), configuration -> { });
    operator.start();
  }

  @AfterEach
  void stopOperator() {
    operator.stop();
  }

  @Test
  void windowsCreateCronJobsAndSchedulerAccess() {
    createTenantWithWindow();

    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(cronJobNames()).containsExactly(TENANT + "-business-end", TENANT + "-business-start"));
    CronJob start = client.batch().v1().cronjobs().inNamespace(NAMESPACE).withName(TENANT + "-business-start").get();
    assertThat(start.getSpec().getSchedule()).isEqualTo("0 8 * * 1-5");
    assertThat(start.getSpec().getTimeZone()).isEqualTo("America/New_York");
    assertThat(start.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(TENANT + "-scheduler");
    assertThat(start.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getName()).isEqualTo(TENANT));
    assertThat(client.serviceAccounts().inNamespace(NAMESPACE).withName(TENANT + "-scheduler").get()).isNotNull();
    assertThat(client.rbac().roles().inNamespace(NAMESPACE).withName(TENANT + "-scheduler").get()).isNotNull();
    assertThat(client.rbac().roleBindings().inNamespace(NAMESPACE).withName(TENANT + "-scheduler").get()).isNotNull();
  }

  @Test
  void removingWindowsDeletesCronJobs() {
    createTenantWithWindow();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(cronJobNames()).hasSize(2));

    // An update, as kubectl edit sends, retried when the operator's status write came first.
    await().atMost(TIMEOUT).ignoreException(KubernetesClientException.class).until(() -> {
      AutoReplyTenant current = client.resources(AutoReplyTenant.class).inNamespace(NAMESPACE)
          .withName(TENANT).get();
      current.getSpec().setSchedules(new ArrayList<>());
      client.resource(current).update();
      return true;
    });

    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(cronJobNames()).isEmpty());
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(client.rbac().roles().inNamespace(NAMESPACE).withName(TENANT + "-scheduler").get()).isNull());
  }

  private List<String> cronJobNames() {
    return client.batch().v1().cronjobs().inNamespace(NAMESPACE).list().getItems().stream()
        .map(cronJob -> cronJob.getMetadata().getName())
        .sorted()
        .toList();
  }

  @Test
  void activeWindowSetsAutoscalerBounds() {
    // Starts every minute and ends once a year, so the window is in force from the first minute.
    createTenantWithWindow("* * * * *", "0 0 1 1 *");

    await().atMost(TIMEOUT).untilAsserted(() -> {
      HorizontalPodAutoscaler autoscaler = client.autoscaling().v2().horizontalPodAutoscalers()
          .inNamespace(NAMESPACE).withName(TENANT + "-worker").get();
      assertThat(autoscaler).isNotNull();
      assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(10);
      assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(10);
    });
    await().atMost(TIMEOUT).untilAsserted(() -> {
      AutoReplyTenant tenant = client.resources(AutoReplyTenant.class).inNamespace(NAMESPACE)
          .withName(TENANT).get();
      assertThat(tenant.getStatus().getActiveSchedule()).isEqualTo("business");
      assertThat(tenant.getStatus().getMinReplicas()).isEqualTo(10);
    });
  }

  @Test
  void windowOutOfForceKeepsBaseBounds() {
    // Ends every minute and starts once a year, so the window is not in force.
    createTenantWithWindow("0 0 1 1 *", "* * * * *");

    await().atMost(TIMEOUT).untilAsserted(() -> {
      HorizontalPodAutoscaler autoscaler = client.autoscaling().v2().horizontalPodAutoscalers()
          .inNamespace(NAMESPACE).withName(TENANT + "-worker").get();
      assertThat(autoscaler).isNotNull();
      assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(1);
    });
    await().atMost(TIMEOUT).untilAsserted(() -> {
      AutoReplyTenant tenant = client.resources(AutoReplyTenant.class).inNamespace(NAMESPACE)
          .withName(TENANT).get();
      assertThat(tenant.getStatus()).isNotNull();
      assertThat(tenant.getStatus().getMinReplicas()).isEqualTo(1);
      assertThat(tenant.getStatus().getActiveSchedule()).isNull();
    });
  }

  private void createTenantWithWindow() {
    createTenantWithWindow("0 8 * * 1-5", "0 18 * * 1-5");
  }

  private void createTenantWithWindow(String start, String end) {
    RegionPolicySpec policySpec = new RegionPolicySpec();
    policySpec.setRegion("europe-west1");
    policySpec.setProjectId("acme-autoreply-prod");
    RegionPolicy policy = new RegionPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName(RegionPolicy.DEFAULT_NAME).build());
    policy.setSpec(policySpec);
    client.resource(policy).create();
    client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
        .withNewMetadata().withName("acme-gmail").withNamespace(NAMESPACE).endMetadata()
        .addToStringData("credentials.json", "{}").build()).create();

    ScheduleSpec window = new ScheduleSpec();
    window.setName("business");
    window.setStart(start);
    window.setEnd(end);
    window.setTimeZone("America/New_York");
    window.setMinReplicas(10);
    AutoReplyTenantSpec spec = new AutoReplyTenantSpec();
    spec.setMailboxes(List.of("support@acme.example"));
    spec.setCredentialsSecretRef(new SecretReference("acme-gmail"));
    PubSubSpec pubsub = new PubSubSpec();
    pubsub.setSubscription("projects/acme-autoreply-prod/subscriptions/gmail-push");
    spec.setPubsub(pubsub);
    ReplySpec reply = new ReplySpec();
    reply.setInstructions("Answer questions about Acme orders.");
    spec.setReply(reply);
    spec.setSchedules(new ArrayList<>(List.of(window)));
    AutoReplyTenant tenant = new AutoReplyTenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(TENANT).withNamespace(NAMESPACE).build());
    tenant.setSpec(spec);
    client.resource(tenant).create();
  }
}
