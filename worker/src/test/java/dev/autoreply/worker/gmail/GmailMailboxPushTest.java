package dev.autoreply.worker.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeGmailServerDraft;
import dev.autoreply.worker.testing.FakeGmailServerRequest;
import dev.autoreply.worker.testing.FakeGmailServerWatch;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests of drafts.create, users.watch and messages.list against {@link FakeGmailServer}. */
class GmailMailboxPushTest {

  private static final String MAILBOX = "support@example.com";
  private static final String TOPIC = "projects/autoreply-test/topics/gmail";
  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.123Z");
  private static final GmailCallPolicy FAST_RETRIES =
      GmailCallPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

  private FakeGmailServer server;
  private GmailMailbox mailbox;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeGmailServer.start();
    server.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
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
  void createDraftStoresRawAndThread() throws Exception {
    server.deliver(MAILBOX, mail("question"), "thread-9");
    byte[] reply = mail("Re: question");

    String draftId = mailbox.createDraft(reply, "thread-9");

    List<FakeGmailServerDraft> drafts = server.drafts(MAILBOX);
    assertThat(drafts).hasSize(1);
    assertThat(drafts.get(0).id()).isEqualTo(draftId);
    assertThat(drafts.get(0).threadId()).isEqualTo("thread-9");
    assertThat(drafts.get(0).raw()).isEqualTo(reply);
    assertThat(drafts.get(0).messageId()).isNotEqualTo(draftId);
    assertThat(server.sent(MAILBOX)).isEmpty();
  }

  @Test
  void createDraftWithoutThreadStartsThread() throws Exception {
    mailbox.createDraft(mail("new"), null);

    FakeGmailServerDraft draft = server.drafts(MAILBOX).get(0);
    assertThat(draft.threadId()).isEqualTo(draft.messageId());
  }

  @Test
  void createDraftIsNotRetriedAfterServerError() {
    server.failNext(1, 503, Map.of());

    assertThatThrownBy(() -> mailbox.createDraft(mail("reply"), "thread-1"))
        .isInstanceOf(GoogleJsonResponseException.class);

    assertThat(server.requestCount("POST", "/drafts")).isEqualTo(1);
    assertThat(server.drafts(MAILBOX)).isEmpty();
  }

  @Test
  void createDraftIsRetriedAfterTooManyRequests() throws Exception {
    server.failNext(1, 429, Map.of());

    mailbox.createDraft(mail("reply"), "thread-1");

    assertThat(server.requestCount("POST", "/drafts")).isEqualTo(2);
    assertThat(server.drafts(MAILBOX)).hasSize(1);
  }

  @Test
  void watchReturnsHistoryIdAndExpiry() throws Exception {
    server.deliver(MAILBOX, mail("one"), null);

    GmailWatch watch = mailbox.watch(TOPIC, List.of("INBOX"));

    assertThat(watch.historyId()).isEqualTo(BigInteger.valueOf(1001));
    assertThat(watch.expiration()).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void watchSendsTopicAndLabelFilter() throws Exception {
    mailbox.watch(TOPIC, List.of("INBOX"));

    List<FakeGmailServerWatch> watches = server.watches(MAILBOX);
    assertThat(watches).hasSize(1);
    assertThat(watches.get(0).topicName()).isEqualTo(TOPIC);
    assertThat(watches.get(0).labelIds()).containsExactly("INBOX");
    assertThat(watches.get(0).labelFilterBehavior()).isEqualTo("INCLUDE");
  }

  @Test
  void watchWithoutLabelsSendsNoFilter() throws Exception {
    mailbox.watch(TOPIC, List.of());

    FakeGmailServerWatch watch = server.watches(MAILBOX).get(0);
    assertThat(watch.labelIds()).isEmpty();
    assertThat(watch.labelFilterBehavior()).isNull();
  }

  @Test
  void watchOfInvalidTopicIsRejected() {
    GoogleJsonResponseException error = catchThrowableOfType(
        GoogleJsonResponseException.class, () -> mailbox.watch("gmail-topic", List.of("INBOX")));

    assertThat(error.getStatusCode()).isEqualTo(400);
    assertThat(server.requestCount("POST", "/watch")).isEqualTo(1);
    assertThat(server.watches(MAILBOX)).isEmpty();
  }

  @Test
  void listRecentInboxFollowsPagesNewestFirst() throws Exception {
    List<String> delivered = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      delivered.add(server.deliver(MAILBOX, mail("message " + i), null,
          NOW.minus(Duration.ofHours(5 - i))));
    }

    List<String> ids = mailbox.listRecentInbox(Duration.ofDays(7), 100);

    assertThat(ids).containsExactlyElementsOf(reversed(delivered));
  }

  @Test
  void listRecentInboxSendsQueryAndLabel() throws Exception {
    mailbox.listRecentInbox(Duration.ofDays(7), 100);

    FakeGmailServerRequest request = server.requests().get(0);
    assertThat(request.path()).isEqualTo("/gmail/v1/users/" + MAILBOX + "/messages");
    assertThat(request.query().get("q")).isEqualTo("newer_than:7d");
    assertThat(request.query().get("labelIds")).isEqualTo("INBOX");
    assertThat(request.query().get("maxResults")).isEqualTo("100");
  }

  @Test
  void listRecentInboxRoundsWindowUpToDays() throws Exception {
    mailbox.listRecentInbox(Duration.ofHours(36), 10);

    assertThat(server.requests().get(0).query().get("q")).isEqualTo("newer_than:2d");
  }

  @Test
  void listRecentInboxKeepsRecentInboxOnly() throws Exception {
    server.deliver(MAILBOX, mail("old"), null, NOW.minus(Duration.ofDays(8)));
    String recent = server.deliver(MAILBOX, mail("recent"), null, NOW.minus(Duration.ofDays(6)));
    mailbox.send(mail("reply"), recent);
    mailbox.createDraft(mail("draft"), recent);

    List<String> ids = mailbox.listRecentInbox(Duration.ofDays(7), 100);

    assertThat(ids).containsExactly(recent);
  }

  @Test
  void listRecentInboxStopsAtMax() throws Exception {
    List<String> delivered = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      delivered.add(server.deliver(MAILBOX, mail("message " + i), null,
          NOW.minus(Duration.ofMinutes(50 - i))));
    }

    List<String> ids = mailbox.listRecentInbox(Duration.ofDays(1), 3);

    assertThat(ids).containsExactlyElementsOf(reversed(delivered).subList(0, 3));
    assertThat(server.requestCount("GET", "/messages")).isEqualTo(1);
  }

  @Test
  void listRecentInboxPagesWithPageToken() throws Exception {
    for (int i = 0; i < 501; i++) {
      server.deliver(MAILBOX, mail("message " + i), null, NOW.minus(Duration.ofSeconds(i + 1)));
    }

    List<String> ids = mailbox.listRecentInbox(Duration.ofDays(1), 1000);

    assertThat(ids).hasSize(501).doesNotHaveDuplicates();
    List<FakeGmailServerRequest> lists = server.requests().stream()
        .filter(r -> r.path().endsWith("/messages")).toList();
    assertThat(lists).hasSize(2);
    assertThat(lists.get(0).query().get("maxResults")).isEqualTo("500");
    assertThat(lists.get(1).query().get("pageToken")).isEqualTo("500");
  }

  @Test
  void listRecentInboxOfEmptyMailboxIsEmpty() throws Exception {
    assertThat(mailbox.listRecentInbox(Duration.ofDays(7), 10)).isEmpty();
  }

  @Test
  void listRecentInboxRejectsInvalidArguments() {
    assertThatThrownBy(() -> mailbox.listRecentInbox(Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be positive, got PT0S");
    assertThatThrownBy(() -> mailbox.listRecentInbox(Duration.ofDays(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be at least 1, got 0");
  }

  private static List<String> reversed(List<String> ids) {
    List<String> copy = new ArrayList<>(ids);
    Collections.reverse(copy);
    return copy;
  }

  private static GoogleCredentials testCredentials() {
    Date farFuture = Date.from(Instant.now().plus(Duration.ofDays(3650)));
    return GoogleCredentials.create(new AccessToken(FakeGmailServer.ACCESS_TOKEN, farFuture));
  }

  private static byte[] mail(String subject) {
    return ("From: customer@example.org\r\nTo: " + MAILBOX + "\r\nSubject: " + subject
        + "\r\n\r\nHello\r\n").getBytes(StandardCharsets.US_ASCII);
  }
}
