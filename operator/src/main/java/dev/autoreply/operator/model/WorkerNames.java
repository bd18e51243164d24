package dev.autoreply.operator.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names and labels of the objects the operator creates for one AutoReplyTenant. The worker
 * Deployment, its HorizontalPodAutoscaler and its ServiceAccount share one name, and the
 * settings ConfigMap has its own.
 */
public final class WorkerNames {

  public static final String LABEL_NAME = "app.kubernetes.io/name";
  public static final String LABEL_INSTANCE = "app.kubernetes.io/instance";
  public static final String LABEL_COMPONENT = "app.kubernetes.io/component";
  public static final String LABEL_PART_OF = "app.kubernetes.io/part-of";
  public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";

  public static final String APP_NAME = "autoreply-worker";
  public static final String COMPONENT = "worker";
  public static final String PART_OF = "autoreply";
  public static final String MANAGED_BY = "autoreply-operator";

  /** Label selector of every object this operator manages; its informers watch only these. */
  public static final String MANAGED_BY_SELECTOR = LABEL_MANAGED_BY + "=" + MANAGED_BY;

  /** Pod template annotation with the SHA-256 of the rendered settings; a change rolls the pods. */
  public static final String SETTINGS_HASH_ANNOTATION = "autoreply.dev/settings-hash";

  /**
   * Pod template annotation with the {@link CredentialsHash} of the tenant's Secret, so that
   * new credentials roll the pods.
   */
  public static final String CREDENTIALS_HASH_ANNOTATION = "autoreply.dev/credentials-hash";

  public static final String CONTAINER_NAME = "worker";

  private WorkerNames() {
  }

  /** Returns the name of the worker Deployment, HorizontalPodAutoscaler and ServiceAccount. */
  public static String workerName(String tenantName) {
    return tenantName + "-worker";
  }

  /** Returns the name of the ConfigMap that contains {@code worker.yaml}. */
  public static String settingsConfigMapName(String tenantName) {
    return tenantName + "-worker-settings";
  }

  /** Returns the name of the Role and RoleBinding of the tenant's administrators. */
  public static String adminRoleName(String tenantName) {
    return tenantName + "-tenant-admin";
  }

  /** Returns the name of the Role and RoleBinding of the tenant's viewers. */
  public static String viewerRoleName(String tenantName) {
    return tenantName + "-tenant-viewer";
  }

  /** Returns the labels of every object created for the tenant, including the pod template. */
  public static Map<String, String> labels(String tenantName) {
    Map<String, String> labels = new LinkedHashMap<>(selectorLabels(tenantName));
    labels.put(LABEL_COMPONENT, COMPONENT);
    labels.put(LABEL_PART_OF, PART_OF);
    labels.put(LABEL_MANAGED_BY, MANAGED_BY);
    return labels;
  }

  /** Returns the labels of the Deployment selector; they never change for a tenant. */
  public static Map<String, String> selectorLabels(String tenantName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL_NAME, APP_NAME);
    labels.put(LABEL_INSTANCE, tenantName);
    return labels;
  }
}
