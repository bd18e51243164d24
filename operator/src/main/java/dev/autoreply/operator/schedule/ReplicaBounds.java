package dev.autoreply.operator.schedule;

/**
 * Lower and upper replica bound of the worker HorizontalPodAutoscaler.
 *
 * @param min minimum number of replicas, at least 1
 * @param max maximum number of replicas, at least {@code min}
 */
public record ReplicaBounds(int min, int max) {

  public ReplicaBounds {
    if (min < 1) {
      throw new IllegalArgumentException("min must be at least 1, got " + min);
    }
    if (max < min) {
      throw new IllegalArgumentException("max " + max + " is less than min " + min);
    }
  }
}
