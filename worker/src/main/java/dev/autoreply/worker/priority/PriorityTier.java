package dev.autoreply.worker.priority;

import java.util.Locale;

/** Priority of a customer mail, highest first. */
public enum PriorityTier {
  URGENT,
  HIGH,
  NORMAL;

  /** Returns the value of the {@code tier} metric label, for example "urgent". */
  public String labelValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
