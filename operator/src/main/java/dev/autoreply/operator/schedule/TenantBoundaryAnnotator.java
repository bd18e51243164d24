package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an AutoReplyTenant and sets its {@value ScheduleNames#BOUNDARY_ANNOTATION} annotation.
 * The write is a JSON merge patch that contains only that annotation and no resourceVersion,
 * so it never conflicts with, and never overwrites, a concurrent change to the spec, the status
 * or other metadata.
 */
public final class TenantBoundaryAnnotator {

  private final KubernetesClient client;

  public TenantBoundaryAnnotator(KubernetesClient client) {
    this.client = client;
  }

  /** Returns the tenant, or empty when it does not exist. */
  public Optional<AutoReplyTenant> read(String namespace, String name) {
    return Optional.ofNullable(
        client.resources(AutoReplyTenant.class).inNamespace(namespace).withName(name).get());
  }

  /**
   * Sets the annotation to {@code <window>/<boundary>/<time>} and returns the tenant as the API
   * server stored it.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the tenant does not
   *     exist or the API server rejects the patch
   */
  public AutoReplyTenant annotate(String namespace, String name, String window,
      ScheduleBoundary boundary, Instant time) {
    String patch = mergePatch(annotationValue(window, boundary, time));
    return client.resources(AutoReplyTenant.class).inNamespace(namespace).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  /** Returns {@code <window>/<boundary>/<time>}, with the time in RFC 3339 UTC to the second. */
  public static String annotationValue(String window, ScheduleBoundary boundary, Instant time) {
    return window + "/" + boundary.value() + "/"
        + DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Returns the merge patch body, {@code {"metadata":{"annotations":{...}}}}. */
  String mergePatch(String value) {
    Map<String, Object> body = Map.of("metadata",
        Map.of("annotations", Map.of(ScheduleNames.BOUNDARY_ANNOTATION, value)));
    return client.getKubernetesSerialization().asJson(body);
  }
}
