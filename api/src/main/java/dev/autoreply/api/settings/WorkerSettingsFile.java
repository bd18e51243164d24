package dev.autoreply.api.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locations of the worker's settings and credentials inside the pod, and the reading and
 * writing of the settings file. The operator mounts the ConfigMap key {@link #SETTINGS_KEY} under
 * {@link #SETTINGS_DIR} and the tenant's Secret under {@link #CREDENTIALS_DIR}.
 */
public final class WorkerSettingsFile {

  public static final String SETTINGS_DIR = "/etc/autoreply/settings";
  public static final String SETTINGS_KEY = "worker.yaml";
  public static final String CREDENTIALS_DIR = "/etc/autoreply/credentials";

  /** Secret key with the Gmail credentials: an OAuth authorized-user or service-account JSON. */
  public static final String CREDENTIALS_KEY = "credentials.json";

  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  static final String RENDER_HINT = "; the operator renders this file from the AutoReplyTenant,"
      + " so fix the tenant or print the file with `autoreply-operator render --settings-dir DIR`";

  private WorkerSettingsFile() {
  }

  public static String write(WorkerSettings settings) {
    try {
      return YAML.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render worker settings of " + settings.tenant(), e);
    }
  }

  /**
   * Parses and checks a settings file.
   *
   * @throws IllegalArgumentException naming the field and the fix when the file is invalid
   */
  public static WorkerSettings parse(String yaml) {
    if (yaml.isBlank()) {
      throw new IllegalArgumentException("invalid worker settings: the file is empty" + RENDER_HINT);
    }
    try {
      WorkerSettings settings = YAML.readValue(yaml, WorkerSettings.class);
      if (settings == null) {
        throw new IllegalArgumentException("invalid worker settings: the file is empty" + RENDER_HINT);
      }
      WorkerSettingsCheck.check(settings);
      return settings;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid worker settings at line " + e.getLocation().getLineNr() + ": "
              + e.getOriginalMessage(), e);
    }
  }

  /** Reads the settings file at {@code path}; errors name the file. */
  public static WorkerSettings read(Path path) {
    try {
      return parse(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read worker settings file " + path, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
