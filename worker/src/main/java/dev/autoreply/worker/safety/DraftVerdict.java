package dev.autoreply.worker.safety;

import java.util.Objects;

/**
 * The outcome of {@link DraftInspector}: the reply may be sent, or a person must review it for
 * {@link #reason()}.
 *
 * @param reason why the reply needs review, or null when it may be sent
 * @param detail what matched, for logs: a domain, a host or a phrase, never reply text beyond it;
 *     empty when the reply may be sent
 */
public record DraftVerdict(DraftReviewReason reason, String detail) {

  private static final DraftVerdict OK = new DraftVerdict(null, "");

  public DraftVerdict {
    detail = Objects.requireNonNullElse(detail, "");
    if (reason == null && !detail.isEmpty()) {
      throw new IllegalArgumentException("a verdict without a review reason has no detail, got " + detail);
    }
  }

  public static DraftVerdict ok() {
    return OK;
  }

  public static DraftVerdict review(DraftReviewReason reason, String detail) {
    return new DraftVerdict(Objects.requireNonNull(reason, "reason"), detail);
  }

  /** Returns whether the reply may be sent without review. */
  public boolean isOk() {
    return reason == null;
  }

  /** Returns {@code ok}, or the code of the review reason. */
  public String code() {
    return reason == null ? "ok" : reason.code();
  }
}
