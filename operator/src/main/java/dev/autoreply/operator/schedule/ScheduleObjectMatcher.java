package dev.autoreply.operator.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.EnumSet;
import java.util.List;

/**
 * Decides whether a scheduler object in the cluster still matches the desired one without
 * server-side apply. It matches when the JSON diff from desired to actual only adds fields, so
 * server defaults (the CronJob's {@code suspend}, the pod's {@code dnsPolicy} and so on) cause
 * no update. Copy and move operations are turned off, so a defaulted value that equals another
 * field stays an {@code add}.
 *
 * <p>NOTE: the same rule as {@code assembly.AdditiveChangesMatcher}, which is package-private
 * there. Merge the two once that class is public. As there, a field removed from the desired
 * object but still in the cluster counts as an addition and causes no update on its own.
 */
final class ScheduleObjectMatcher {

  private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(
      DiffFlags.OMIT_COPY_OPERATION, DiffFlags.OMIT_MOVE_OPERATION,
      DiffFlags.OMIT_VALUE_ON_REMOVE);

  /** Paths the API server owns. Differences below them never count. */
  private static final List<String> IGNORED = List.of("/apiVersion", "/kind", "/status");

  private ScheduleObjectMatcher() {
  }

  static boolean matches(HasMetadata desired, HasMetadata actual,
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
