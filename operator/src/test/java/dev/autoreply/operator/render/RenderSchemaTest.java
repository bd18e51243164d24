package dev.autoreply.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.operator.model.OperatorDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render rejects what the API server would reject, naming the file, line and field. */
class RenderSchemaTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private static final Path SAMPLES = Path.of(System.getProperty("autoreply.repo.dir", ".."), "config/samples");

  @TempDir
  Path temp;

  @Test
  void outOfRangeValueIsNamed() throws IOException {
    Path tenant = copySample().resolve("tenant-acme-support.yaml");
    Files.writeString(tenant, Files.readString(tenant).replace("    tier: medium", "    tier: medium\n    targetCpuUtilization: 500"));

    ManifestRenderer.Result result = render();

    assertThat(result.errors()).containsExactly(tenant + ":2: AutoReplyTenant acme-support: "
        + "spec.scaling.targetCpuUtilization: must have a maximum value of 100.0");
    assertThat(result.workerSettings()).doesNotContainKey("acme/acme-support");
  }

  @Test
  void unknownFieldIsNamed() throws IOException {
    Path tenant = copySample().resolve("tenant-acme-support.yaml");
    Files.writeString(tenant, Files.readString(tenant).replace("  tone: friendly", "  tone: friendly\n  mood: cheerful"));

    ManifestRenderer.Result result = render();

    assertThat(result.errors()).containsExactly(tenant + ":2: AutoReplyTenant acme-support: "
        + "spec: property 'mood' is not defined in the schema and the schema does not allow additional properties");
  }

  @Test
  void samplesPassTheSchema() {
    ManifestRenderer.Result result = new ManifestRenderer(OperatorDefaults.standard(), CLOCK).render(List.of(SAMPLES));

    assertThat(result.errors()).isEmpty();
    assertThat(result.workerSettings()).containsOnlyKeys("acme/acme-support", "globex/globex-helpdesk");
  }

  private Path copySample() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("samples"));
    for (String name : List.of("regionpolicy-default.yaml", "tenant-acme-support.yaml")) {
      Files.copy(SAMPLES.resolve(name), folder.resolve(name));
    }
    return folder;
  }

  private ManifestRenderer.Result render() {
    return new ManifestRenderer(OperatorDefaults.standard(), CLOCK).render(List.of(temp.resolve("samples")));
  }
}
