package dev.autoreply.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.operator.OperatorMain;
import dev.autoreply.operator.model.OperatorDefaults;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples");
  private static final Path REPO_SAMPLES =
      Path.of(System.getProperty("autoreply.repo.dir", ".."), "config", "samples");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @Test
  void renderPrintsEveryObject() {
    ManifestRenderer.Result result =
        new ManifestRenderer(OperatorDefaults.standard(), CLOCK).render(List.of(SAMPLES));

    assertThat(result.errors()).isEmpty();
    List<HasMetadata> objects = serialization.unmarshal(
        new ByteArrayInputStream(result.yaml().getBytes(StandardCharsets.UTF_8)));
    assertThat(objects).extracting(HasMetadata::getKind).containsExactly(
        "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Deployment",
        "HorizontalPodAutoscaler", "PodDisruptionBudget");
    assertThat(objects).extracting(object -> object.getMetadata().getNamespace())
        .containsOnly("acme");
    ConfigMap settings = (ConfigMap) objects.get(3);
    assertThat(WorkerSettingsFile.parse(settings.getData().get("worker.yaml")).tenant())
        .isEqualTo("acme/acme-support");
    Deployment deployment = (Deployment) objects.get(4);
    assertThat(deployment.getSpec().getReplicas()).isNull();
    HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) objects.get(5);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(4);
    assertThat(result.yaml()).contains("/tenant.yaml:1: skipped Secret");
    assertThat(result.yaml()).contains("#     reason: WorkerUnavailable");
    assertThat(result.yaml()).contains("#   - lastTransitionTime: 2026-01-02T03:04:05Z");
  }

  @Test
  void renderCommandOnRepositorySamples() {
    Path samples = Files.isDirectory(REPO_SAMPLES) && hasYaml(REPO_SAMPLES)
        ? REPO_SAMPLES : SAMPLES;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new OperatorMain())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err));

    int exitCode = command.execute("render", samples.toString());

    assertThat(err.toString()).isEmpty();
    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("name: acme-support-worker\n");
    assertThat(out.toString()).contains("name: acme-support-worker-settings\n");
    assertThat(out.toString()).contains("kind: HorizontalPodAutoscaler\n");
  }

  @Test
  void invalidYamlNamesFileAndLine(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("broken.yaml");
    Files.writeString(file, """
        apiVersion: autoreply.dev/v1alpha1
        kind: RegionPolicy
        metadata:
          name: default
        spec:
          region: [europe-west1
        """);
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new OperatorMain()).setErr(new PrintWriter(err));

    int exitCode = command.execute("render", file.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: " + file + ":");
    assertThat(err.toString()).contains("invalid YAML");
    assertThat(err.toString()).matches("(?s)error: " + java.util.regex.Pattern.quote(file.toString())
        + ":[67]: .*");
  }

  @Test
  void missingFieldIsNamed(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("tenant.yaml");
    Files.writeString(file, Files.readString(SAMPLES.resolve("region-policy.yaml")) + """
        ---
        apiVersion: autoreply.dev/v1alpha1
        kind: AutoReplyTenant
        metadata:
          name: acme-support
          namespace: acme
        spec:
          mailboxes: [support@acme.example]
          credentialsSecretRef:
            name: acme-gmail
          pubsub:
            subscription: projects/acme-autoreply-prod/subscriptions/gmail-push
          reply:
            signature: The Acme support team
        """);

    ManifestRenderer.Result result =
        new ManifestRenderer(OperatorDefaults.standard(), CLOCK).render(List.of(file));

    assertThat(result.errors()).containsExactly(file + ":10: AutoReplyTenant acme-support: "
        + "missing required field spec.reply.instructions");
  }

  @Test
  void missingRegionPolicyIsReported() {
    ManifestRenderer.Result result = new ManifestRenderer(OperatorDefaults.standard(), CLOCK)
        .render(List.of(SAMPLES.resolve("tenant.yaml")));

    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0)).contains("RegionPolicy default not found");
    assertThat(result.yaml()).contains("#     reason: RegionPolicyNotFound");
    assertThat(result.yaml()).doesNotContain("kind: Deployment");
  }

  private static boolean hasYaml(Path folder) {
    try (var files = Files.list(folder)) {
      return files.anyMatch(file -> file.toString().endsWith(".yaml")
          || file.toString().endsWith(".yml"));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
