package dev.autoreply.worker.mailbox;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.autoreply.worker.gmail.GmailCallPolicy;
import dev.autoreply.worker.gmail.GmailClientFactory;
import dev.autoreply.worker.gmail.GmailMailbox;
import dev.autoreply.worker.testing.FakeGmailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Gmail clients of a {@link FakeGmailServer} for the mailbox tests. */
final class GmailTestClients {

  private static final GmailCallPolicy FAST_RETRIES =
      GmailCallPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

  private GmailTestClients() {
  }

  /** Returns the calls of {@code address} on {@code server}, with retries of 10 to 50 ms. */
  static GmailMailbox mailbox(FakeGmailServer server, String address) {
    GmailClientFactory factory = new GmailClientFactory(
        server.rootUrl(), "autoreply-test", Duration.ofSeconds(5), Duration.ofSeconds(5));
    Date farFuture = Date.from(Instant.now().plus(Duration.ofDays(3650)));
    GoogleCredentials credentials =
        GoogleCredentials.create(new AccessToken(FakeGmailServer.ACCESS_TOKEN, farFuture));
    return new GmailMailbox(factory.create(credentials), address, FAST_RETRIES);
  }

  static byte[] mail(String subject) {
    return ("From: customer@example.org\r\nTo: support@example.com\r\nSubject: " + subject
        + "\r\n\r\nHello\r\n").getBytes(StandardCharsets.US_ASCII);
  }
}
