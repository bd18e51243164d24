package dev.autoreply.worker.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.mail.InboundMail;
import dev.autoreply.worker.mail.LoopSafetyFilter;
import dev.autoreply.worker.mail.MailDecision;
import dev.autoreply.worker.mail.MailParser;
import dev.autoreply.worker.mail.ReplyComposer;
import dev.autoreply.worker.testing.FirestoreEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two tenants whose workers reply to each other's mail. Our replies carry Auto-Submitted and
 * X-Autoreply-Origin, so the other side's {@link LoopSafetyFilter} skips them. When a relay strips
 * those fields, {@link SenderReplyLimiter} still stops the exchange after one reply per side.
 */
class AutoReplyLoopTest {

  @RegisterExtension
  static final FirestoreEmulator EMULATOR = new FirestoreEmulator();

  private static final Instant START = Instant.parse("2025-03-04T09:00:00Z");
  private static final int MAX_EXCHANGES = 20;

  // Fields a relay or a forwarding rule could drop, after which the filter treats the reply as ordinary mail.
  private static final Pattern AUTO_REPLY_FIELDS = Pattern.compile(
      "(?im)^(auto-submitted|x-autoreply-origin|x-auto-response-suppress):[^\\r\\n]*\\r\\n");

  private Firestore firestore;
  private Worker shopA;
  private Worker shopB;

  @BeforeEach
  void connect(TestInfo test) {
    firestore = EMULATOR.firestore("loop-" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT));
    SenderReplyLimiter limiter = new SenderReplyLimiter(firestore, Duration.ofDays(7));
    shopA = new Worker("shop-a/support", "help@shop-a.example", "thread-at-a", limiter);
    shopB = new Worker("shop-b/support", "support@shop-b.example", "thread-at-b", limiter);
  }

  @AfterEach
  void disconnect() throws Exception {
    firestore.close();
  }

  @Test
  void filterStopsLoopAfterFirstReply() {
    List<String> log = exchange(false);

    assertThat(log).containsExactly(
        "shop-a/support: reply",
        "shop-b/support: skip already_auto_replied");
  }

  @Test
  void limiterStopsLoopWithoutHeaders() {
    List<String> log = exchange(true);

    assertThat(log).containsExactly(
        "shop-a/support: reply",
        "shop-b/support: reply",
        "shop-a/support: limited");
  }

  /** Delivers mail back and forth from a person's first mail until a side sends nothing. */
  private List<String> exchange(boolean stripAutoReplyFields) {
    List<String> log = new ArrayList<>();
    byte[] mail = firstMail();
    Worker receiver = shopA;
    Instant now = START;
    for (int i = 0; i < MAX_EXCHANGES; i++) {
      Optional<byte[]> reply = receiver.process(mail, now, log);
      if (reply.isEmpty()) {
        return log;
      }
      mail = stripAutoReplyFields ? strip(reply.get()) : reply.get();
      receiver = receiver == shopA ? shopB : shopA;
      now = now.plus(Duration.ofMinutes(1));
    }
    throw new AssertionError("the workers still reply after " + MAX_EXCHANGES + " exchanges: " + log);
  }

  private static byte[] firstMail() {
    return String.join("\r\n",
        "From: Office Shop B <support@shop-b.example>",
        "To: help@shop-a.example",
        "Subject: Wholesale order 42",
        "Message-ID: <wholesale-42@shop-b.example>",
        "Date: Tue, 4 Mar 2025 09:00:00 +0000",
        "Content-Type: text/plain; charset=UTF-8",
        "",
        "Hello, when do you ship our wholesale order 42?",
        "").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] strip(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    return AUTO_REPLY_FIELDS.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
  }

  /** One tenant's worker, reduced to filter, limiter and composer. */
  private static final class Worker {
    private final String tenant;
    private final String mailbox;
    private final String threadKey;
    private final SenderReplyLimiter limiter;
    private final MailParser parser = new MailParser();
    private final LoopSafetyFilter filter = new LoopSafetyFilter();

    Worker(String tenant, String mailbox, String threadKey, SenderReplyLimiter limiter) {
      this.tenant = tenant;
      this.mailbox = mailbox;
      this.threadKey = threadKey;
      this.limiter = limiter;
    }

    Optional<byte[]> process(byte[] raw, Instant now, List<String> log) {
      InboundMail mail = parser.parse(raw);
      MailDecision decision = filter.evaluate(mail, Set.of(mailbox));
      if (decision.outcome() != MailDecision.Outcome.REPLY) {
        log.add(tenant + ": " + decision.outcome().name().toLowerCase(Locale.ROOT) + " " + decision.code());
        return Optional.empty();
      }
      if (!limiter.tryAcquire(tenant, mail.replyRecipients().get(0), threadKey, now)) {
        log.add(tenant + ": limited");
        return Optional.empty();
      }
      log.add(tenant + ": reply");
      ReplyComposer composer = new ReplyComposer(Clock.fixed(now, ZoneOffset.UTC));
      return Optional.of(composer.compose(mail, mailbox, "Thank you for your message, we will answer soon."));
    }
  }
}
