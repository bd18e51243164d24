package dev.autoreply.worker.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.Gmail;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeGmailServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests of {@link GmailMailbox#threadHasReplyTo} against {@link FakeGmailServer}. */
class GmailMailboxThreadTest {

  private static final String MAILBOX = "support@example.com";
  private static final String ORIGIN = "<question-1@customer.example.org>";
  private static final GmailCallPolicy FAST_RETRIES =
      GmailCallPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

  private FakeGmailServer server;
  private GmailMailbox mailbox;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeGmailServer.start();
    GmailClientFactory factory = new GmailClientFactory(
        server.rootUrl(), "autoreply-test", Duration.ofSeconds(5), Duration.ofSeconds(5));
    Gmail gmail = factory.create(testCredentials());
    mailbox = new GmailMailbox(gmail, MAILBOX, FAST_RETRIES);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void sentReplyIsFound() throws Exception {
    String question = server.deliver(MAILBOX, question(), "thread-9");
    mailbox.send(reply("X-Autoreply-Origin: " + ORIGIN), "thread-9");

    assertThat(mailbox.threadHasReplyTo("thread-9", ORIGIN)).isTrue();
    assertThat(question).isNotEqualTo("thread-9");
  }

  @Test
  void originWithoutAngleBracketsMatches() throws Exception {
    server.deliver(MAILBOX, question(), "thread-9");
    mailbox.send(reply("x-autoreply-origin:   " + ORIGIN + "  "), "thread-9");

    assertThat(mailbox.threadHasReplyTo("thread-9", "question-1@customer.example.org")).isTrue();
  }

  @Test
  void foldedHeaderMatches() throws Exception {
    server.deliver(MAILBOX, question(), "thread-9");
    mailbox.send(reply("X-Autoreply-Origin:\r\n " + ORIGIN), "thread-9");

    assertThat(mailbox.threadHasReplyTo("thread-9", ORIGIN)).isTrue();
  }

  @Test
  void otherOriginIsNotFound() throws Exception {
    server.deliver(MAILBOX, question(), "thread-9");
    mailbox.send(reply("X-Autoreply-Origin: <other@customer.example.org>"), "thread-9");

    assertThat(mailbox.threadHasReplyTo("thread-9", ORIGIN)).isFalse();
  }

  @Test
  void threadWithoutReplyIsFalse() throws Exception {
    server.deliver(MAILBOX, question(), "thread-9");

    assertThat(mailbox.threadHasReplyTo("thread-9", ORIGIN)).isFalse();
  }

  @Test
  void replyInOtherThreadIsNotFound() throws Exception {
    server.deliver(MAILBOX, question(), "thread-9");
    mailbox.send(reply("X-Autoreply-Origin: " + ORIGIN), "thread-10");

    assertThat(mailbox.threadHasReplyTo("thread-9", ORIGIN)).isFalse();
  }

  @Test
  void unknownThreadIsFalse() throws Exception {
    assertThat(mailbox.threadHasReplyTo("no-such-thread", ORIGIN)).isFalse();

    assertThat(server.requestCount("GET", "/threads/no-such-thread")).isEqualTo(1);
  }

  @Test
  void requestAsksForMarkerHeaderOnly() throws Exception {
    server.deliver(MAILBOX, question(), "thread-9");

    mailbox.threadHasReplyTo("thread-9", ORIGIN);

    FakeGmailServerRequest request = server.requests().get(0);
    assertThat(request.path()).isEqualTo("/gmail/v1/users/" + MAILBOX + "/threads/thread-9");
    Map<String, String> query = request.query();
    assertThat(query.get("format")).isEqualTo("metadata");
    assertThat(query.get("metadataHeaders")).isEqualTo("X-Autoreply-Origin");
  }

  @Test
  void draftWithMarkerCounts() throws Exception {
    server.deliver(MAILBOX, question(), "thread-9");
    mailbox.createDraft(reply("X-Autoreply-Origin: " + ORIGIN), "thread-9");

    assertThat(mailbox.threadHasReplyTo("thread-9", ORIGIN)).isTrue();
  }

  @Test
  void serverErrorIsRetried() throws Exception {
    server.deliver(MAILBOX, question(), "thread-9");
    mailbox.send(reply("X-Autoreply-Origin: " + ORIGIN), "thread-9");
    server.failNext(1, 503, Map.of());

    assertThat(mailbox.threadHasReplyTo("thread-9", ORIGIN)).isTrue();
    assertThat(server.requestCount("GET", "/threads/thread-9")).isEqualTo(2);
  }

  private static GoogleCredentials testCredentials() {
    Date farFuture = Date.from(Instant.now().plus(Duration.ofDays(3650)));
    return GoogleCredentials.create(new AccessToken(FakeGmailServer.ACCESS_TOKEN, farFuture));
  }

  private static byte[] question() {
    return ("From: customer@example.org\r\nTo: " + MAILBOX + "\r\nMessage-ID: " + ORIGIN
        + "\r\nSubject: question\r\n\r\nHello\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] reply(String markerHeader) {
    return ("From: " + MAILBOX + "\r\nTo: customer@example.org\r\nIn-Reply-To: " + ORIGIN
        + "\r\n" + markerHeader + "\r\nSubject: Re: question\r\n\r\nThanks\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
