package dev.autoreply.operator.failure;

import static org.awaitility.Awaitility.await;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantSpec;
import dev.autoreply.api.v1alpha1.PubSubSpec;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.api.v1alpha1.ReplySpec;
import dev.autoreply.api.v1alpha1.SecretReference;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Objects and helpers shared by the failure tests, which run the operator against the fabric8
 * mock API server in CRUD mode, with injected error responses to some requests.
 */
final class MockCluster {

  static final String NAMESPACE = "acme";
  static final String TENANT = "acme-support";
  static final String WORKER = TENANT + "-worker";
  static final String SETTINGS = TENANT + "-worker-settings";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  static final String SERVICE_ACCOUNTS_PATH = "/api/v1/namespaces/" + NAMESPACE + "/serviceaccounts";
  static final String CONFIG_MAPS_PATH = "/api/v1/namespaces/" + NAMESPACE + "/configmaps";
  static final String DEPLOYMENTS_PATH = "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments";
  static final String AUTOSCALERS_PATH =
      "/apis/autoscaling/v2/namespaces/" + NAMESPACE + "/horizontalpodautoscalers";

  private MockCluster() {
  }

  /** Creates the CRDs from crds/, the tenant namespace, the default RegionPolicy and the Secret. */
  static void prepare(KubernetesClient client) throws IOException {
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
    client.resource(policy()).create();
    client.resource(new SecretBuilder()
        .withNewMetadata().withName("acme-gmail").withNamespace(NAMESPACE).endMetadata()
        .addToStringData("credentials.json", "{}")
        .build()).create();
  }

  /** Body of a Kubernetes Status error response with the given HTTP code. */
  static String errorStatus(int code, String reason) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
        + "\"message\":\"error injected by the test\",\"reason\":\"" + reason + "\",\"code\":"
        + code + "}";
  }

  static RegionPolicy policy() {
    RegionPolicySpec spec = new RegionPolicySpec();
    spec.setRegion("europe-west1");
    spec.setProjectId("acme-autoreply-prod");
    RegionPolicy policy = new RegionPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName(RegionPolicy.DEFAULT_NAME).build());
    policy.setSpec(spec);
    return policy;
  }

  static AutoReplyTenant tenant(String name) {
    AutoReplyTenantSpec spec = new AutoReplyTenantSpec();
    spec.setMailboxes(List.of("support@acme.example"));
    spec.setCredentialsSecretRef(new SecretReference("acme-gmail"));
    PubSubSpec pubsub = new PubSubSpec();
    pubsub.setSubscription("projects/acme-autoreply-prod/subscriptions/gmail-push");
    spec.setPubsub(pubsub);
    ReplySpec reply = new ReplySpec();
    reply.setInstructions("Answer questions about Acme orders.");
    spec.setReply(reply);

    AutoReplyTenant tenant = new AutoReplyTenant();
    tenant.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    tenant.setSpec(spec);
    return tenant;
  }

  static <T extends HasMetadata> T get(KubernetesClient client, Class<T> type, String name) {
    return client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }

  static <T extends HasMetadata> T awaitObject(KubernetesClient client, Class<T> type,
      String name) {
    return await().atMost(TIMEOUT).until(() -> get(client, type, name), object -> object != null);
  }

  /** Names of every object of the type in the tenant namespace, sorted. */
  static List<String> names(KubernetesClient client, Class<? extends HasMetadata> type) {
    return client.resources(type).inNamespace(NAMESPACE).list().getItems().stream()
        .map(object -> object.getMetadata().getName())
        .sorted()
        .toList();
  }

  static Condition readyCondition(KubernetesClient client, String tenantName) {
    AutoReplyTenant tenant = get(client, AutoReplyTenant.class, tenantName);
    if (tenant == null || tenant.getStatus() == null) {
      return null;
    }
    return tenant.getStatus().getConditions().stream()
        .filter(condition -> "Ready".equals(condition.getType()))
        .findFirst()
        .orElse(null);
  }

  static Condition awaitReady(KubernetesClient client, String tenantName, String status) {
    return await().atMost(TIMEOUT).until(() -> readyCondition(client, tenantName),
        condition -> condition != null && status.equals(condition.getStatus()));
  }

  /** Writes the Deployment status that the Deployment controller would write. */
  static void setAvailableReplicas(KubernetesClient client, String deploymentName, int replicas) {
    client.apps().deployments().inNamespace(NAMESPACE).withName(deploymentName)
        .editStatus(deployment -> {
          deployment.setStatus(new DeploymentStatusBuilder()
              .withReplicas(replicas)
              .withReadyReplicas(replicas)
              .withAvailableReplicas(replicas)
              .withUpdatedReplicas(replicas)
              .withObservedGeneration(deployment.getMetadata().getGeneration())
              .build());
          return deployment;
        });
  }
}
