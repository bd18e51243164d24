package dev.autoreply.worker.testing;

/**
 * One draft that {@link FakeGmailServer} received through drafts.create.
 *
 * @param id the draft id the server assigned
 * @param messageId the id of the message inside the draft, which has the DRAFT label
 * @param threadId the thread id of the request, or the message id when the request had none
 * @param raw the decoded RFC 822 bytes
 */
public record FakeGmailServerDraft(String id, String messageId, String threadId, byte[] raw) {
}
