package dev.autoreply.worker.pipeline;

import dev.autoreply.worker.gmail.GmailMailbox;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sends replies and creates drafts through the Gmail API of the mailbox the mail came to. */
public final class GmailReplyTransport implements ReplyTransport {

  private final Map<String, GmailMailbox> mailboxes;

  /**
   * @param mailboxes the tenant's mailboxes by lower-case address
   */
  public GmailReplyTransport(Map<String, GmailMailbox> mailboxes) {
    this.mailboxes = Map.copyOf(mailboxes);
  }

  @Override
  public String send(String mailbox, String threadId, byte[] rfc822) throws IOException {
    return mailbox(mailbox).send(rfc822, threadId);
  }

  @Override
  public String createDraft(String mailbox, String threadId, byte[] rfc822) throws IOException {
    return mailbox(mailbox).createDraft(rfc822, threadId);
  }

  @Override
  public boolean hasReplyTo(String mailbox, String threadId, String originMessageId)
      throws IOException {
    return mailbox(mailbox).threadHasReplyTo(threadId, originMessageId);
  }

  @Override
  public List<byte[]> earlierMessages(String mailbox, String threadId, String messageId, int max)
      throws IOException {
    GmailMailbox gmail = mailbox(mailbox);
    List<String> ids = gmail.threadMessageIds(threadId);
    int end = ids.indexOf(messageId) < 0 ? ids.size() : ids.indexOf(messageId);
    List<byte[]> earlier = new ArrayList<>();
    for (String id : ids.subList(Math.max(0, end - max), end)) {
      earlier.add(gmail.fetchRaw(id).rfc822());
    }
    return earlier;
  }

  @Override
  public void markForReview(String mailbox, String messageId) throws IOException {
    mailbox(mailbox).labelForReview(messageId);
  }

  private GmailMailbox mailbox(String address) {
    GmailMailbox mailbox = mailboxes.get(address);
    if (mailbox == null) {
      throw new IllegalArgumentException("mailbox " + address + " is not one of this tenant's");
    }
    return mailbox;
  }
}
