package dev.autoreply.operator.matching;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.EnumSet;
import java.util.List;

/**
 * Decides whether an object in the cluster still matches the desired one when server-side
 * apply is off. It matches when the JSON diff from desired to actual only adds fields, because
 * the API server and other controllers add defaults (probe timeouts, restart policy,
 * {@code spec.replicas} set by the HorizontalPodAutoscaler) that the operator never sets.
 *
 * <p>JOSDK 5.2.3's {@code GenericKubernetesResourceMatcher} follows the same rule but diffs with
 * zjsonpatch's default flags, which turn an added value that already occurs elsewhere in the
 * object into a {@code copy} operation. Once the API server has defaulted the liveness probe,
 * the defaulted {@code revisionHistoryLimit: 10} becomes a copy of the probe's
 * {@code periodSeconds: 10}, which reads as a change, so every reconcile would rewrite the
 * Deployment.
 * This matcher turns copy and move off, so such additions stay {@code add} operations.
 *
 * <p>NOTE: a field removed from the desired object but still present in the cluster also shows
 * as an addition, so removing a label or an optional field from a builder does not update
 * existing objects until another change replaces the spec.
 */
public final class AdditiveChangesMatcher {

  private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(
      DiffFlags.OMIT_COPY_OPERATION, DiffFlags.OMIT_MOVE_OPERATION,
      DiffFlags.OMIT_VALUE_ON_REMOVE);

  /** Paths the API server owns. Differences below them never count. */
  private static final List<String> IGNORED = List.of("/apiVersion", "/kind", "/status");

  private AdditiveChangesMatcher() {
  }

  public static boolean matches(HasMetadata desired, HasMetadata actual,
      KubernetesSerialization serialization) {
    JsonNode desiredNode = serialization.convertValue(desired, JsonNode.class);
    JsonNode actualNode = serialization.convertValue(actual, JsonNode.class);
    for (JsonNode operation : JsonDiff.asJson(desiredNode, actualNode, FLAGS)) {
      String path = operation.get("path").asText();
      if (isBelow(path, IGNORED)) {
        continue;
      }
      if (isBelow(path, List.of("/metadata"))
          && !isBelow(path, List.of("/metadata/labels", "/metadata/annotations"))) {
        continue;
      }
      if (!"add".equals(operation.get("op").asText())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBelow(String path, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return true;
      }
    }
    return false;
  }
}
