package dev.autoreply.worker.testing;

/**
 * One message that {@link FakeGmailServer} received through messages.send.
 *
 * @param id the id the server assigned
 * @param threadId the thread id of the request, or the message id when the request had none
 * @param raw the decoded RFC 822 bytes
 */
public record FakeGmailServerSentMessage(String id, String threadId, byte[] raw) {
}
