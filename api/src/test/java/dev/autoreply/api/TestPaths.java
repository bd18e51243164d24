package dev.autoreply.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folders the tests read, passed by surefire as system properties. */
final class TestPaths {

  private TestPaths() {
  }

  static Path repository() {
    return folder("autoreply.repo.dir");
  }

  static Path generatedCrds() {
    return folder("autoreply.generated.crds");
  }

  private static Path folder(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven");
    }
    Path path = Path.of(value);
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException(property + "=" + value + " is not a folder");
    }
    return path;
  }
}
