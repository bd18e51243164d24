package dev.autoreply.worker.pipeline;

import java.io.IOException;
import java.util.List;

/**
 * Destination of composed replies: Gmail in production, a folder of .eml files in the offline
 * replay.
 */
public interface ReplyTransport {

  /**
   * Sends {@code rfc822} from {@code mailbox} in the Gmail thread {@code threadId}; returns the id
   * of the sent message.
   */
  String send(String mailbox, String threadId, byte[] rfc822) throws IOException;

  /**
   * Leaves {@code rfc822} as a draft in the thread for a person to review and send; returns the
   * id of the draft.
   */
  String createDraft(String mailbox, String threadId, byte[] rfc822) throws IOException;

  /**
   * Returns whether the thread already contains a reply or draft of ours to the message
   * {@code originMessageId}, found by its X-Autoreply-Origin header. A worker that died after
   * sending but before recording leaves such a reply, and sending again would reply twice.
   */
  boolean hasReplyTo(String mailbox, String threadId, String originMessageId) throws IOException;

  /**
   * Returns up to {@code max} raw messages of the thread that came before {@code messageId},
   * oldest first, for the model's view of the conversation.
   */
  List<byte[]> earlierMessages(String mailbox, String threadId, String messageId, int max)
      throws IOException;

  /** Marks a mail that the worker leaves for a person, so the support team finds it. */
  void markForReview(String mailbox, String messageId) throws IOException;
}
