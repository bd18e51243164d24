package dev.autoreply.worker.replay;

import dev.autoreply.worker.pipeline.ReplyTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes each reply as an .eml file instead of sending it, for the offline replay. Replies go to
 * {@code OUT/THREAD.reply.eml} and drafts to {@code OUT/THREAD.draft.eml}.
 */
final class EmlFolderTransport implements ReplyTransport {

  private final Path folder;

  EmlFolderTransport(Path folder) throws IOException {
    this.folder = Files.createDirectories(folder);
  }

  @Override
  public String send(String mailbox, String threadId, byte[] rfc822) throws IOException {
    return write(threadId + ".reply.eml", rfc822);
  }

  @Override
  public String createDraft(String mailbox, String threadId, byte[] rfc822) throws IOException {
    return write(threadId + ".draft.eml", rfc822);
  }

  @Override
  public boolean hasReplyTo(String mailbox, String threadId, String originMessageId) {
    return Files.exists(pathOf(threadId, false)) || Files.exists(pathOf(threadId, true));
  }

  /** Returns no earlier messages, because each replayed file is a thread of its own. */
  @Override
  public List<byte[]> earlierMessages(String mailbox, String threadId, String messageId, int max) {
    return List.of();
  }

  /** Marks nothing: the replay prints the review decisions instead. */
  @Override
  public void markForReview(String mailbox, String messageId) {
  }

  Path pathOf(String threadId, boolean draft) {
    return folder.resolve(threadId + (draft ? ".draft.eml" : ".reply.eml"));
  }

  private String write(String fileName, byte[] rfc822) throws IOException {
    Files.write(folder.resolve(fileName), rfc822);
    return fileName;
  }
}
