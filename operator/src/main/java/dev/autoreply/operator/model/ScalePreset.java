package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.ScaleTier;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

/**
 * Worker fleet presets of a {@link ScaleTier}. Explicit {@code spec.scaling} fields override
 * the preset field by field.
 *
 * <pre>
 * | tier       | mails per day  | reply time beyond model time | replicas | CPU request | memory request = limit | CPU target |
 * |------------|----------------|------------------------------|----------|-------------|------------------------|------------|
 * | small      | &lt; 100         | &lt; 15 s                       | 1–2      | 250m        | 512Mi                  | 70 %       |
 * | medium     | 100–1,000      | &lt; 10 s                       | 2–5      | 500m        | 512Mi                  | 65 %       |
 * | large      | 1,000–10,000   | &lt; 5 s                        | 3–20     | 1           | 512Mi                  | 60 %       |
 * | enterprise | &gt; 10,000      | &lt; 3 s                        | 5–100    | 1           | 1Gi                    | 50 %       |
 * </pre>
 *
 * <p>Every tier waits 300 s before the HorizontalPodAutoscaler scales down. Why the CPU values:
 *
 * <ul>
 *   <li>small: a worker mostly waits on Gmail and Gemini, so a quarter core parses a few mails a
 *       minute, and 70 % keeps the smallest fleet from scaling up on single bursts.
 *   <li>medium: half a core parses and sends in parallel threads without CPU throttling, and
 *       65 % leaves headroom for the 10 s budget while a second pod starts.
 *   <li>large: a full core keeps MIME parsing and TLS off the 5 s budget, and 60 % scales up
 *       before queued notifications add latency.
 *   <li>enterprise: a full core per pod and a 50 % target keep half of each pod free for
 *       bursts, because new pods take longer to start than the 3 s budget; the larger memory
 *       holds more mails in flight per pod.
 * </ul>
 *
 * <p>NOTE: these values are estimates from the latency budgets, not measured on a cluster.
 *
 * @param minReplicas lower replica bound
 * @param maxReplicas upper replica bound
 * @param targetCpuUtilization CPU target of the HorizontalPodAutoscaler, in percent of the request
 * @param resources requests and limits of the worker container
 * @param scaleDownStabilizationSeconds seconds the HorizontalPodAutoscaler waits before it
 *     scales down
 */
public record ScalePreset(int minReplicas, int maxReplicas, int targetCpuUtilization,
    ResourceRequirements resources, int scaleDownStabilizationSeconds) {

  public static final int TIER_SCALE_DOWN_STABILIZATION_SECONDS = 300;

  /** Returns the preset of a tier. */
  public static ScalePreset of(ScaleTier tier) {
    return switch (tier) {
      case SMALL -> new ScalePreset(1, 2, 70, resources("250m", "512Mi"),
          TIER_SCALE_DOWN_STABILIZATION_SECONDS);
      case MEDIUM -> new ScalePreset(2, 5, 65, resources("500m", "512Mi"),
          TIER_SCALE_DOWN_STABILIZATION_SECONDS);
      case LARGE -> new ScalePreset(3, 20, 60, resources("1", "512Mi"),
          TIER_SCALE_DOWN_STABILIZATION_SECONDS);
      case ENTERPRISE -> new ScalePreset(5, 100, 50, resources("1", "1Gi"),
          TIER_SCALE_DOWN_STABILIZATION_SECONDS);
    };
  }

  /** Requests the CPU and memory, limits memory to the request and leaves CPU unlimited. */
  private static ResourceRequirements resources(String cpu, String memory) {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memory))
        .addToLimits("memory", new Quantity(memory))
        .build();
  }
}
