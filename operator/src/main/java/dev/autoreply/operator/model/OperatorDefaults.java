package dev.autoreply.operator.model;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Objects;

/**
 * Operator-wide values that a tenant and its RegionPolicy may leave empty.
 *
 * @param workerImage worker container image used when neither the tenant nor its RegionPolicy
 *     names one
 * @param workerResources requests and limits of the worker container when the tenant sets none
 * @param scaleDownStabilizationSeconds how long the HorizontalPodAutoscaler waits, in seconds,
 *     before it removes replicas after the load drops
 */
public record OperatorDefaults(
    String workerImage,
    ResourceRequirements workerResources,
    int scaleDownStabilizationSeconds) {

  // NOTE: placeholder image name until a release pipeline publishes the worker image.
  // Deployments pass the real one with `run --worker-image`.
  public static final String DEFAULT_WORKER_IMAGE = "autoreply/worker:0.1.0";

  public static final int DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS = 300;

  public OperatorDefaults {
    Objects.requireNonNull(workerImage, "workerImage");
    Objects.requireNonNull(workerResources, "workerResources");
  }

  /** Returns the defaults with the given worker image. */
  public static OperatorDefaults withWorkerImage(String workerImage) {
    return new OperatorDefaults(
        workerImage, defaultWorkerResources(), DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS);
  }

  public static OperatorDefaults standard() {
    return withWorkerImage(DEFAULT_WORKER_IMAGE);
  }

  /** Requests 250m CPU and 512Mi memory, limits memory to 1Gi and leaves CPU unlimited. */
  public static ResourceRequirements defaultWorkerResources() {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity("250m"))
        .addToRequests("memory", new Quantity("512Mi"))
        .addToLimits("memory", new Quantity("1Gi"))
        .build();
  }
}
