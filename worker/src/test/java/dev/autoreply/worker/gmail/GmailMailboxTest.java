package dev.autoreply.worker.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeGmailServerSentMessage;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GmailMailboxTest {

  private static final String MAILBOX = "support@example.com";
  private static final GmailCallPolicy FAST_RETRIES =
      GmailCallPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

  private FakeGmailServer server;
  private Gmail gmail;
  private GmailMailbox mailbox;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeGmailServer.start();
    GmailClientFactory factory = new GmailClientFactory(
        server.rootUrl(), "autoreply-test", Duration.ofSeconds(5), Duration.ofSeconds(5));
    gmail = factory.create(testCredentials());
    mailbox = new GmailMailbox(gmail, MAILBOX, FAST_RETRIES);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void currentHistoryIdReadsProfile() throws Exception {
    server.deliver(MAILBOX, mail("one"), null);
    server.deliver(MAILBOX, mail("two"), null);

    assertThat(mailbox.currentHistoryId()).isEqualTo(BigInteger.valueOf(1002));
    assertThat(server.requestCount("GET", "/users/" + MAILBOX + "/profile")).isEqualTo(1);
  }

  @Test
  void listAddedSinceFollowsEveryPage() throws Exception {
    List<String> delivered = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      delivered.add(server.deliver(MAILBOX, mail("message " + i), null));
    }

    HistoryDelta delta = mailbox.listAddedSince(FakeGmailServer.FIRST_HISTORY_ID);

    assertThat(delta.addedMessageIds()).containsExactlyElementsOf(delivered);
    assertThat(delta.historyId()).isEqualTo(BigInteger.valueOf(1007));
    assertThat(server.requestCount("GET", "/history")).isEqualTo(3);
  }

  @Test
  void listAddedSinceSendsFilters() throws Exception {
    server.deliver(MAILBOX, mail("one"), null);

    mailbox.listAddedSince(FakeGmailServer.FIRST_HISTORY_ID);

    Map<String, String> query = server.requests().get(0).query();
    assertThat(query.get("startHistoryId")).isEqualTo("1000");
    assertThat(query.get("historyTypes")).isEqualTo("messageAdded");
    assertThat(query.get("labelId")).isEqualTo("INBOX");
  }

  @Test
  void listAddedSinceSkipsOlderAndSentMessages() throws Exception {
    server.deliver(MAILBOX, mail("old"), null);
    BigInteger cursor = server.historyId(MAILBOX);
    String fresh = server.deliver(MAILBOX, mail("new"), null);
    mailbox.send(mail("reply"), fresh);

    HistoryDelta delta = mailbox.listAddedSince(cursor);

    assertThat(delta.addedMessageIds()).containsExactly(fresh);
    assertThat(delta.historyId()).isEqualTo(BigInteger.valueOf(1003));
  }

  @Test
  void listAddedSinceWithoutChangesKeepsCursor() throws Exception {
    server.deliver(MAILBOX, mail("one"), null);
    BigInteger cursor = server.historyId(MAILBOX);

    HistoryDelta delta = mailbox.listAddedSince(cursor);

    assertThat(delta.addedMessageIds()).isEmpty();
    assertThat(delta.historyId()).isEqualTo(cursor);
  }

  @Test
  void expiredHistoryRaisesHistoryExpired() {
    server.deliver(MAILBOX, mail("one"), null);
    server.setRetentionFloor(MAILBOX, BigInteger.valueOf(1001));

    HistoryExpiredException error = catchThrowableOfType(HistoryExpiredException.class,
        () -> mailbox.listAddedSince(FakeGmailServer.FIRST_HISTORY_ID));

    assertThat(error).hasMessage("Gmail history of mailbox support@example.com no longer"
        + " contains start history id 1000; resynchronize from the current history id");
    assertThat(error.startHistoryId()).isEqualTo(BigInteger.valueOf(1000));
    assertThat(server.requestCount("GET", "/history")).isEqualTo(1);
  }

  @Test
  void fetchRawRoundTripsEveryByte() throws Exception {
    byte[] raw = allByteValuesMail();
    String id = server.deliver(MAILBOX, raw, "thread-7");

    RawMessage message = mailbox.fetchRaw(id);

    assertThat(message.rfc822()).isEqualTo(raw);
    assertThat(message.id()).isEqualTo(id);
    assertThat(message.threadId()).isEqualTo("thread-7");
    assertThat(message.labelIds()).containsExactly("INBOX", "UNREAD");
    assertThat(server.requests().get(0).query().get("format")).isEqualTo("raw");
  }

  @Test
  void fetchRawOfUnknownIdRaisesNotFound() {
    MessageNotFoundException error = catchThrowableOfType(MessageNotFoundException.class,
        () -> mailbox.fetchRaw("deadbeef"));

    assertThat(error).hasMessage("Gmail message deadbeef not found in mailbox support@example.com");
    assertThat(server.requestCount("GET", "/messages/deadbeef")).isEqualTo(1);
  }

  @Test
  void sendStoresRawAndThread() throws Exception {
    String original = server.deliver(MAILBOX, mail("question"), "thread-9");
    byte[] reply = allByteValuesMail();

    String sentId = mailbox.send(reply, "thread-9");

    List<FakeGmailServerSentMessage> sent = server.sent(MAILBOX);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).id()).isEqualTo(sentId);
    assertThat(sent.get(0).threadId()).isEqualTo("thread-9");
    assertThat(sent.get(0).raw()).isEqualTo(reply);
    assertThat(sentId).isNotEqualTo(original);
  }

  @Test
  void serviceUnavailableIsRetried() throws Exception {
    server.failNext(1, 503, Map.of());

    BigInteger historyId = mailbox.currentHistoryId();

    assertThat(historyId).isEqualTo(FakeGmailServer.FIRST_HISTORY_ID);
    assertThat(server.requestCount("GET", "/profile")).isEqualTo(2);
  }

  @Test
  void retryAfterOfTooManyRequestsIsHonoured() throws Exception {
    String id = server.deliver(MAILBOX, mail("one"), null);
    server.failNext(1, 429, Map.of("Retry-After", "1"));

    long start = System.nanoTime();
    RawMessage message = mailbox.fetchRaw(id);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(message.id()).isEqualTo(id);
    assertThat(server.requestCount("GET", "/messages/" + id)).isEqualTo(2);
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void userRateLimitForbiddenIsRetried() throws Exception {
    server.failNext(1, 403, "userRateLimitExceeded", Map.of());

    mailbox.listAddedSince(FakeGmailServer.FIRST_HISTORY_ID);

    assertThat(server.requestCount("GET", "/history")).isEqualTo(2);
  }

  @Test
  void badRequestIsNotRetried() {
    server.failNext(1, 400, Map.of());

    GoogleJsonResponseException error = catchThrowableOfType(GoogleJsonResponseException.class,
        () -> mailbox.currentHistoryId());

    assertThat(error.getStatusCode()).isEqualTo(400);
    assertThat(server.requestCount("GET", "/profile")).isEqualTo(1);
  }

  @Test
  void retriesStopAfterMaxAttempts() {
    server.failNext(6, 503, Map.of());

    GoogleJsonResponseException error = catchThrowableOfType(GoogleJsonResponseException.class,
        () -> mailbox.currentHistoryId());

    assertThat(error.getStatusCode()).isEqualTo(503);
    assertThat(server.requestCount("GET", "/profile")).isEqualTo(5);
  }

  @Test
  void sendIsNotRetriedAfterServerError() {
    server.failNext(1, 503, Map.of());

    GoogleJsonResponseException error = catchThrowableOfType(GoogleJsonResponseException.class,
        () -> mailbox.send(mail("reply"), "thread-1"));

    assertThat(error.getStatusCode()).isEqualTo(503);
    assertThat(server.requestCount("POST", "/messages/send")).isEqualTo(1);
    assertThat(server.sent(MAILBOX)).isEmpty();
  }

  @Test
  void sendIsRetriedAfterTooManyRequests() throws Exception {
    server.failNext(1, 429, Map.of());

    mailbox.send(mail("reply"), "thread-1");

    assertThat(server.requestCount("POST", "/messages/send")).isEqualTo(2);
    assertThat(server.sent(MAILBOX)).hasSize(1);
  }

  @Test
  void openCircuitBreakerSkipsGmail() throws Exception {
    GmailCallPolicy oneAttempt = new GmailCallPolicy(1, Duration.ofMillis(10), 2.0, 0.5,
        Duration.ofMillis(50), Duration.ofSeconds(1), 50f, 2, 2, Duration.ofMinutes(1));
    GmailMailbox guarded = new GmailMailbox(gmail, MAILBOX, oneAttempt);
    server.failNext(2, 500, Map.of());
    assertThatThrownBy(guarded::currentHistoryId).isInstanceOf(GoogleJsonResponseException.class);
    assertThatThrownBy(guarded::currentHistoryId).isInstanceOf(GoogleJsonResponseException.class);

    assertThatThrownBy(guarded::currentHistoryId)
        .isInstanceOf(GmailUnavailableException.class)
        .hasMessage("Gmail users.getProfile for mailbox support@example.com not attempted:"
            + " circuit breaker is open after repeated failures");
    assertThat(server.requestCount("GET", "/profile")).isEqualTo(2);
  }

  @Test
  void openCircuitBreakerStopsRetries() {
    GmailCallPolicy fiveAttempts = new GmailCallPolicy(5, Duration.ofMillis(10), 2.0, 0.5,
        Duration.ofMillis(50), Duration.ofSeconds(1), 50f, 2, 2, Duration.ofMinutes(1));
    GmailMailbox guarded = new GmailMailbox(gmail, MAILBOX, fiveAttempts);
    server.failNext(5, 503, Map.of());

    assertThatThrownBy(guarded::currentHistoryId).isInstanceOf(GmailUnavailableException.class);

    assertThat(server.requestCount("GET", "/profile")).isEqualTo(2);
  }

  @Test
  void notFoundDoesNotOpenCircuitBreaker() {
    GmailCallPolicy oneAttempt = new GmailCallPolicy(1, Duration.ofMillis(10), 2.0, 0.5,
        Duration.ofMillis(50), Duration.ofSeconds(1), 50f, 2, 2, Duration.ofMinutes(1));
    GmailMailbox guarded = new GmailMailbox(gmail, MAILBOX, oneAttempt);

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> guarded.fetchRaw("missing"))
          .isInstanceOf(MessageNotFoundException.class);
    }

    assertThat(server.requestCount("GET", "/messages/missing")).isEqualTo(3);
  }

  @Test
  void rootUrlWithoutTrailingSlashIsRejected() {
    assertThatThrownBy(() -> new GmailClientFactory("http://127.0.0.1:1", "test",
        Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Gmail root URL must end with '/', got 'http://127.0.0.1:1'");
  }

  private static GoogleCredentials testCredentials() {
    Date farFuture = Date.from(Instant.now().plus(Duration.ofDays(3650)));
    return GoogleCredentials.create(new AccessToken(FakeGmailServer.ACCESS_TOKEN, farFuture));
  }

  private static byte[] mail(String subject) {
    return ("From: customer@example.org\r\nTo: " + MAILBOX + "\r\nSubject: " + subject
        + "\r\n\r\nHello\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** A message whose body has every byte value, so 8-bit data must survive base64url. */
  private static byte[] allByteValuesMail() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("Subject: bytes\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII));
    for (int b = 0; b < 256; b++) {
      out.write(b);
    }
    out.writeBytes("Grüße\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
