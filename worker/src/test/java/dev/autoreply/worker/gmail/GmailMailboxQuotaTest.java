package dev.autoreply.worker.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.gmail.Gmail;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.autoreply.worker.testing.FakeGmailServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests of the quota limit in {@link GmailCallGuard} against a fake that enforces Gmail's. */
class GmailMailboxQuotaTest {

  private static final String MAILBOX = "support@example.com";
  private static final GmailCallPolicy ONE_ATTEMPT = new GmailCallPolicy(1, Duration.ofMillis(10),
      2.0, 0.5, Duration.ofMillis(50), Duration.ofSeconds(1), 50f, 100, 100,
      Duration.ofMinutes(1));
  /** 4 threads of 30 messages.get spend 600 units, three times the client's limit. */
  private static final int THREADS = 4;
  private static final int GETS_PER_THREAD = 30;

  private FakeGmailServer server;
  private Gmail gmail;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeGmailServer.start();
    GmailClientFactory factory = new GmailClientFactory(
        server.rootUrl(), "autoreply-test", Duration.ofSeconds(5), Duration.ofSeconds(5));
    gmail = factory.create(testCredentials());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void burstWithLimiterGetsNo429() throws Exception {
    server.enforceQuota(GmailQuota.GMAIL_UNITS_PER_USER_PER_SECOND);
    String id = server.deliver(MAILBOX, mail("question"), null);
    GmailMailbox mailbox = new GmailMailbox(gmail, MAILBOX, ONE_ATTEMPT,
        new GmailQuota(MAILBOX, GmailQuota.DEFAULT_UNITS_PER_SECOND, Duration.ofSeconds(10)));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();

    for (int t = 0; t < THREADS; t++) {
      workers.add(pool.submit(() -> {
        for (int i = 0; i < GETS_PER_THREAD; i++) {
          mailbox.fetchRaw(id);
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();

    assertThat(server.quotaRejections(MAILBOX)).isZero();
    assertThat(server.requestCount("GET", "/messages/" + id))
        .isEqualTo(THREADS * GETS_PER_THREAD);
  }

  @Test
  void burstWithoutLimiterGets429() {
    server.enforceQuota(GmailQuota.GMAIL_UNITS_PER_USER_PER_SECOND);
    GmailMailbox unlimited = new GmailMailbox(gmail, MAILBOX, ONE_ATTEMPT,
        new GmailQuota(MAILBOX, 1_000_000, Duration.ZERO));

    int failures = 0;
    for (int i = 0; i < 3; i++) {
      try {
        unlimited.send(mail("Re: question " + i), null);
      } catch (IOException e) {
        failures++;
      }
    }

    assertThat(failures).isEqualTo(1);
    assertThat(server.quotaRejections(MAILBOX)).isEqualTo(1);
    assertThat(server.sent(MAILBOX)).hasSize(2);
  }

  @Test
  void saturatedQuotaFailsBeforeGmail() throws Exception {
    GmailMailbox mailbox = new GmailMailbox(gmail, MAILBOX, GmailCallPolicy.defaults(),
        new GmailQuota(MAILBOX, 100, Duration.ZERO));
    mailbox.send(mail("Re: one"), null);

    assertThatThrownBy(() -> mailbox.send(mail("Re: two"), null))
        .isInstanceOf(GmailQuotaExceededException.class);

    assertThat(server.requestCount("POST", "/messages/send")).isEqualTo(1);
    assertThat(mailbox.guard().quota().rejectedCalls()).isEqualTo(1);
    assertThat(mailbox.guard().circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void guardsShareOneQuota() throws Exception {
    GmailQuota shared = new GmailQuota(MAILBOX, 100, Duration.ZERO);
    GmailMailbox first = new GmailMailbox(gmail, MAILBOX, GmailCallPolicy.defaults(), shared);
    GmailMailbox second = new GmailMailbox(gmail, MAILBOX, GmailCallPolicy.defaults(), shared);
    first.send(mail("Re: one"), null);

    assertThatThrownBy(() -> second.send(mail("Re: two"), null))
        .isInstanceOf(GmailQuotaExceededException.class);
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
