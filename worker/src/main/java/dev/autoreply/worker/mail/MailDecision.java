package dev.autoreply.worker.mail;

import java.util.Objects;

/**
 * The outcome of {@link LoopSafetyFilter}: reply, skip with a {@link SkipReason}, or hand to a person
 * with a {@link ReviewReason}. Exactly the reason that matches the outcome is non-null.
 */
public record MailDecision(Outcome outcome, SkipReason skipReason, ReviewReason reviewReason) {

  /** The three possible outcomes. */
  public enum Outcome {
    REPLY,
    SKIP,
    REVIEW
  }

  private static final MailDecision REPLY_DECISION = new MailDecision(Outcome.REPLY, null, null);

  public MailDecision {
    Objects.requireNonNull(outcome, "outcome");
    boolean consistent = switch (outcome) {
      case REPLY -> skipReason == null && reviewReason == null;
      case SKIP -> skipReason != null && reviewReason == null;
      case REVIEW -> skipReason == null && reviewReason != null;
    };
    if (!consistent) {
      throw new IllegalArgumentException(
          "reasons do not match outcome " + outcome + ": skip=" + skipReason + ", review=" + reviewReason);
    }
  }

  public static MailDecision reply() {
    return REPLY_DECISION;
  }

  public static MailDecision skip(SkipReason reason) {
    return new MailDecision(Outcome.SKIP, Objects.requireNonNull(reason, "reason"), null);
  }

  public static MailDecision review(ReviewReason reason) {
    return new MailDecision(Outcome.REVIEW, null, Objects.requireNonNull(reason, "reason"));
  }

  /** Returns the metrics label: {@code reply}, or the code of the skip or review reason. */
  public String code() {
    return switch (outcome) {
      case REPLY -> "reply";
      case SKIP -> skipReason.code();
      case REVIEW -> reviewReason.code();
    };
  }
}
