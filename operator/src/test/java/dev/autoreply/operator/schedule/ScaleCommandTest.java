package dev.autoreply.operator.schedule;

import static dev.autoreply.operator.schedule.ScheduleFixtures.businessHours;
import static dev.autoreply.operator.schedule.ScheduleFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs {@code scale} against the fabric8 mock API server in CRUD mode with the real CRDs. */
@EnableKubernetesMockClient(crud = true)
class ScaleCommandTest {

  private static final Instant NOW = Instant.parse("2025-03-17T12:00:07.250Z");
  private static final String EXPECTED_VALUE = "business-hours/start/2025-03-17T12:00:07Z";

  private KubernetesMockServer server;
  private KubernetesClient client;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void createTenant() throws IOException {
    Path crds = Path.of(System.getProperty("autoreply.repo.dir", ".."), "crds");
    try (Stream<Path> files = Files.list(crds)) {
      for (Path file : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          client.load(in).create();
        }
      }
    }
    AutoReplyTenant created = client.resource(tenant(businessHours())).create();
    created.setStatus(status(2, 4, null));
    client.resource(created).updateStatus();
  }

  @Test
  void setsAnnotationOnly() throws InterruptedException {
    AutoReplyTenant before = readTenant();

    int exitCode = run("--namespace", "acme", "--tenant", "acme-support",
        "--window", "business-hours", "--boundary", "start");

    assertThat(exitCode).isEqualTo(0);
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo("AutoReplyTenant acme/acme-support annotated"
        + " autoreply.dev/schedule-boundary=" + EXPECTED_VALUE + System.lineSeparator());
    AutoReplyTenant after = readTenant();
    assertThat(after.getMetadata().getAnnotations())
        .containsEntry(ScheduleNames.BOUNDARY_ANNOTATION, EXPECTED_VALUE);
    assertThat(client.getKubernetesSerialization().asJson(after.getSpec()))
        .isEqualTo(client.getKubernetesSerialization().asJson(before.getSpec()));
    assertThat(after.getStatus()).isEqualTo(before.getStatus());

    RecordedRequest patch = lastPatchRequest();
    assertThat(patch.getPath())
        .isEqualTo("/apis/autoreply.dev/v1alpha1/namespaces/acme/autoreplytenants/acme-support");
    assertThat(patch.getHeader("Content-Type")).startsWith("application/merge-patch+json");
  }

  @Test
  void mergePatchCarriesOnlyAnnotation() {
    // The CRUD dispatcher consumes the recorded request body, so the body is checked here.
    String patch = new TenantBoundaryAnnotator(client).mergePatch(EXPECTED_VALUE);

    assertThat(patch).isEqualTo("{\"metadata\":{\"annotations\":"
        + "{\"autoreply.dev/schedule-boundary\":\"" + EXPECTED_VALUE + "\"}}}");
  }

  @Test
  void concurrentStatusChangeKept() {
    TenantBoundaryAnnotator annotator = new TenantBoundaryAnnotator(client);
    AutoReplyTenant read = annotator.read("acme", "acme-support").orElseThrow();

    // Another client, such as the operator, writes the status after scale read the tenant.
    AutoReplyTenant other = readTenant();
    other.setStatus(status(10, 10, "business-hours"));
    client.resource(other).updateStatus();

    AutoReplyTenant patched = annotator.annotate("acme", "acme-support", "business-hours",
        ScheduleBoundary.START, NOW);

    assertThat(read.getStatus().getMinReplicas()).isEqualTo(2);
    AutoReplyTenant after = readTenant();
    assertThat(after.getStatus()).isEqualTo(status(10, 10, "business-hours"));
    assertThat(after.getMetadata().getAnnotations())
        .containsEntry(ScheduleNames.BOUNDARY_ANNOTATION, EXPECTED_VALUE);
    assertThat(patched.getMetadata().getAnnotations())
        .containsEntry(ScheduleNames.BOUNDARY_ANNOTATION, EXPECTED_VALUE);
  }

  @Test
  void laterBoundaryReplacesAnnotation() {
    run("--namespace", "acme", "--tenant", "acme-support",
        "--window", "business-hours", "--boundary", "start");

    int exitCode = run("--namespace", "acme", "--tenant", "acme-support",
        "--window", "business-hours", "--boundary", "end");

    assertThat(exitCode).isEqualTo(0);
    assertThat(readTenant().getMetadata().getAnnotations())
        .containsEntry(ScheduleNames.BOUNDARY_ANNOTATION,
            "business-hours/end/2025-03-17T12:00:07Z");
  }

  @Test
  void missingTenantFails() {
    int exitCode = run("--namespace", "acme", "--tenant", "nobody",
        "--window", "business-hours", "--boundary", "start");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("error: AutoReplyTenant acme/nobody not found" + System.lineSeparator());
  }

  @Test
  void removedWindowSkipped() {
    int exitCode = run("--namespace", "acme", "--tenant", "acme-support",
        "--window", "lunch-peak", "--boundary", "end");

    assertThat(exitCode).isEqualTo(0);
    assertThat(err.toString()).isEqualTo("warning: window \"lunch-peak\" is not in"
        + " spec.schedules of AutoReplyTenant acme/acme-support; nothing to do"
        + System.lineSeparator());
    assertThat(readTenant().getMetadata().getAnnotations())
        .doesNotContainKey(ScheduleNames.BOUNDARY_ANNOTATION);
  }

  @Test
  void invalidBoundaryRejected() {
    CommandLine commandLine = commandLine(new ScaleCommand());

    int exitCode = commandLine.execute("--namespace", "acme", "--tenant", "acme-support",
        "--window", "business-hours", "--boundary", "middle");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).startsWith("Invalid value for option '--boundary':"
        + " invalid boundary \"middle\"; use start or end");
  }

  private int run(String... args) {
    ScaleCommand command = new ScaleCommand();
    commandLine(command).parseArgs(args);
    return command.run(client, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private CommandLine commandLine(ScaleCommand command) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine;
  }

  private AutoReplyTenant readTenant() {
    return client.resources(AutoReplyTenant.class).inNamespace("acme").withName("acme-support")
        .get();
  }

  private RecordedRequest lastPatchRequest() throws InterruptedException {
    RecordedRequest last = null;
    int count = server.getRequestCount();
    for (int i = 0; i < count; i++) {
      RecordedRequest request = server.takeRequest();
      if ("PATCH".equals(request.getMethod())) {
        last = request;
      }
    }
    assertThat(last).as("PATCH request").isNotNull();
    return last;
  }

  private static AutoReplyTenantStatus status(int min, int max, String activeSchedule) {
    AutoReplyTenantStatus status = new AutoReplyTenantStatus();
    status.setObservedGeneration(1L);
    status.setMinReplicas(min);
    status.setMaxReplicas(max);
    status.setActiveSchedule(activeSchedule);
    return status;
  }
}
