package dev.autoreply.operator.schedule;

import dev.autoreply.operator.model.WorkerNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names, labels and the annotation of the objects that run a tenant's schedule windows. */
public final class ScheduleNames {

  /**
   * Tenant annotation that {@code scale} sets at each boundary, as
   * {@code <window>/<start|end>/<RFC 3339 time>}. Its only purpose is to wake the operator.
   */
  public static final String BOUNDARY_ANNOTATION = "autoreply.dev/schedule-boundary";

  /** Label with the window name on each CronJob. */
  public static final String WINDOW_LABEL = "autoreply.dev/schedule-window";
  /** Label with {@code start} or {@code end} on each CronJob. */
  public static final String BOUNDARY_LABEL = "autoreply.dev/schedule-boundary";

  /**
   * Value of {@code app.kubernetes.io/name} on scheduler objects. It differs from the worker's,
   * so the worker Deployment's selector never matches a scheduler Job pod.
   */
  public static final String APP_NAME = "autoreply-scheduler";
  public static final String COMPONENT = "scheduler";

  /**
   * Maximum length of a CronJob name. The CronJob controller appends an 11-character suffix to
   * name each Job, and a Job name must fit in a 63-character label value.
   */
  public static final int MAX_CRON_JOB_NAME_LENGTH = 52;

  private static final int HASH_LENGTH = 8;

  private ScheduleNames() {
  }

  /** Returns the name of the scheduler ServiceAccount, Role and RoleBinding. */
  public static String schedulerName(String tenantName) {
    return tenantName + "-scheduler";
  }

  /**
   * Returns {@code <tenant>-<window>-<boundary>}. A longer name than 52 characters is cut and
   * ends with {@code -} and the first 8 hex digits of the SHA-256 of the full name, so two long
   * names stay distinct.
   */
  public static String cronJobName(String tenantName, String window, ScheduleBoundary boundary) {
    String full = tenantName + "-" + window + "-" + boundary.value();
    if (full.length() <= MAX_CRON_JOB_NAME_LENGTH) {
      return full;
    }
    String hash = sha256Hex(full).substring(0, HASH_LENGTH);
    String prefix = full.substring(0, MAX_CRON_JOB_NAME_LENGTH - HASH_LENGTH - 1);
    // A name must end with an alphanumeric character, so drop dashes at the cut.
    while (prefix.endsWith("-")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return prefix + "-" + hash;
  }

  /** Returns the labels of every scheduler object of the tenant. */
  public static Map<String, String> labels(String tenantName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(WorkerNames.LABEL_NAME, APP_NAME);
    labels.put(WorkerNames.LABEL_INSTANCE, tenantName);
    labels.put(WorkerNames.LABEL_COMPONENT, COMPONENT);
    labels.put(WorkerNames.LABEL_PART_OF, WorkerNames.PART_OF);
    labels.put(WorkerNames.LABEL_MANAGED_BY, WorkerNames.MANAGED_BY);
    return labels;
  }

  /** Returns the labels of one boundary's CronJob and of its Job pods. */
  public static Map<String, String> cronJobLabels(
      String tenantName, String window, ScheduleBoundary boundary) {
    Map<String, String> labels = labels(tenantName);
    labels.put(WINDOW_LABEL, window);
    labels.put(BOUNDARY_LABEL, boundary.value());
    return labels;
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
