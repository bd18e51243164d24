package dev.autoreply.operator.schedule;

import java.util.Locale;

/** Edge of a schedule window at which a CronJob runs. */
public enum ScheduleBoundary {
  START,
  END;

  /** Returns the lower-case form used in CronJob names, arguments and the annotation. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code start} or {@code end}, ignoring case. */
  public static ScheduleBoundary parse(String value) {
    for (ScheduleBoundary boundary : values()) {
      if (boundary.value().equalsIgnoreCase(value)) {
        return boundary;
      }
    }
    throw new IllegalArgumentException(
        "invalid boundary \"" + value + "\"; use start or end");
  }
}
