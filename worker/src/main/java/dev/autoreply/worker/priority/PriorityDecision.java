package dev.autoreply.worker.priority;

import java.util.Objects;

/**
 * Priority of one mail and the rule that chose it.
 *
 * @param tier the priority
 * @param reason the first rule that matched, {@link PriorityReason#DEFAULT} when none did
 */
public record PriorityDecision(PriorityTier tier, PriorityReason reason) {

  public PriorityDecision {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(reason, "reason");
  }
}
