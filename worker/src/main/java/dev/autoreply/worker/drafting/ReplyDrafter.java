package dev.autoreply.worker.drafting;

/** Drafts the reply to one customer mail. */
public interface ReplyDrafter {

  /**
   * Drafts the reply to {@code request}.
   *
   * @throws DraftBlockedException if the model returned no usable reply; send the mail to review
   * @throws DraftFailedException if the model could not be reached or rejected the request
   */
  DraftedReply draft(DraftRequest request);
}
