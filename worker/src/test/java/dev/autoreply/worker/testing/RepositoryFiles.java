package dev.autoreply.worker.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository that tests read, found through the surefire property autoreply.repo.dir. */
public final class RepositoryFiles {

  private RepositoryFiles() {
  }

  public static Path root() {
    String value = System.getProperty("autoreply.repo.dir");
    if (value == null || !Files.isDirectory(Path.of(value))) {
      throw new IllegalStateException("system property autoreply.repo.dir is not a folder (" + value
          + "); run the tests through Maven");
    }
    return Path.of(value);
  }

  public static Path sampleTenant() {
    return root().resolve("config/samples/tenant-acme-support.yaml");
  }

  public static Path sampleRegionPolicy() {
    return root().resolve("config/samples/regionpolicy-default.yaml");
  }

  public static Path sampleMailbox() {
    return root().resolve("config/samples/mailbox");
  }
}
