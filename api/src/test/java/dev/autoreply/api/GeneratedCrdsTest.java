package dev.autoreply.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CRDs in crds/ must be exactly what the crd-generator makes from the Java model. */
class GeneratedCrdsTest {

  private static final String UPDATE_HINT = "stale CRDs: run `./mvnw -pl api process-classes"
      + " && cp api/target/generated-crds/*.yml crds/ && cp crds/*.yml charts/autoreply-operator/crds/`";

  @Test
  void committedCrdsMatchGenerated() throws IOException {
    assertFolderMatchesGenerated(TestPaths.repository().resolve("crds"));
  }

  @Test
  void chartCrdsMatchGenerated() throws IOException {
    assertFolderMatchesGenerated(TestPaths.repository().resolve("charts/autoreply-operator/crds"));
  }

  private static void assertFolderMatchesGenerated(Path committed) throws IOException {
    Path generated = TestPaths.generatedCrds();

    List<String> generatedNames = crdFileNames(generated);
    assertThat(crdFileNames(committed)).as(UPDATE_HINT).isEqualTo(generatedNames);

    for (String name : generatedNames) {
      assertThat(Files.readString(committed.resolve(name)))
          .as(name + ": " + UPDATE_HINT)
          .isEqualTo(Files.readString(generated.resolve(name)));
    }
  }

  @Test
  void generatorWroteBothCrds() throws IOException {
    assertThat(crdFileNames(TestPaths.generatedCrds()))
        .containsExactly(
            "autoreplytenants.autoreply.dev-v1.yml", "regionpolicies.autoreply.dev-v1.yml");
  }

  private static List<String> crdFileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
