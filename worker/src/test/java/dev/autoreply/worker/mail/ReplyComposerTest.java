package dev.autoreply.worker.mail;

import static dev.autoreply.worker.mail.TestMails.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyComposerTest {

  private static final String MAILBOX = "support@example.com";

  private final MailParser parser = new MailParser();
  private final ReplyComposer composer =
      new ReplyComposer(Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC));

  private static byte[] parent(String... headers) {
    List<String> lines = new ArrayList<>(List.of(headers));
    lines.add("Content-Type: text/plain; charset=UTF-8");
    lines.add("");
    lines.add("Hello, my order is late.");
    return message(lines.toArray(String[]::new));
  }

  private MimeMessage reply(byte[] parentRaw, String text) throws Exception {
    byte[] composed = composer.compose(parser.parse(parentRaw), MAILBOX, text);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(composed));
  }

  private static String header(MimeMessage message, String name) throws Exception {
    String value = message.getHeader(name, null);
    return value == null ? null : MimeUtility.unfold(value);
  }

  @Test
  void subjectGetsRePrefix() {
    assertThat(ReplyComposer.replySubject("Order late")).isEqualTo("Re: Order late");
  }

  @Test
  void subjectWithReIsNotDoubled() {
    assertThat(ReplyComposer.replySubject("Re: Order late")).isEqualTo("Re: Order late");
    assertThat(ReplyComposer.replySubject("RE: Order late")).isEqualTo("RE: Order late");
    assertThat(ReplyComposer.replySubject("re: Order late")).isEqualTo("re: Order late");
    assertThat(ReplyComposer.replySubject("Re[2]: Order late")).isEqualTo("Re[2]: Order late");
    assertThat(ReplyComposer.replySubject("Re : Order late")).isEqualTo("Re : Order late");
  }

  @Test
  void localisedPrefixGetsRe() {
    assertThat(ReplyComposer.replySubject("AW: Bestellung")).isEqualTo("Re: AW: Bestellung");
  }

  @Test
  void wordStartingWithReGetsRe() {
    assertThat(ReplyComposer.replySubject("Refund request")).isEqualTo("Re: Refund request");
  }

  @Test
  void missingSubjectBecomesRe() {
    assertThat(ReplyComposer.replySubject(null)).isEqualTo("Re:");
  }

  @Test
  void composedSubjectIsNotDoubled() throws Exception {
    MimeMessage reply = reply(parent("From: a@customer.example", "Subject: Re: Order late",
        "Message-ID: <p1@customer.example>"), "Thanks");

    assertThat(reply.getSubject()).isEqualTo("Re: Order late");
  }

  @Test
  void referencesExtendParentReferences() throws Exception {
    MimeMessage reply = reply(parent(
        "From: a@customer.example",
        "Subject: Order late",
        "Message-ID: <p3@customer.example>",
        "References: <p1@customer.example> <p2@support.example.com>"), "Thanks");

    assertThat(header(reply, "References"))
        .isEqualTo("<p1@customer.example> <p2@support.example.com> <p3@customer.example>");
    assertThat(header(reply, "In-Reply-To")).isEqualTo("<p3@customer.example>");
  }

  @Test
  void malformedReferenceIsDropped() throws Exception {
    MimeMessage reply = reply(parent(
        "From: <redacted@flashmail.net>",
        "Subject: Redacted",
        "Message-ID: <105647271315.NCV17523@x263.net>",
        "References: <foo@bar.net>",
        "References: <baz@bar.net>, <invalid.   ",
        " something@bar.net>"), "Thanks");

    assertThat(header(reply, "References"))
        .isEqualTo("<foo@bar.net> <baz@bar.net> <105647271315.NCV17523@x263.net>");
  }

  @Test
  void duplicateParentIdInReferencesIsNotRepeated() throws Exception {
    MimeMessage reply = reply(parent(
        "From: a@customer.example",
        "Message-ID: <p2@customer.example>",
        "References: <p1@customer.example> <p2@customer.example> <p1@customer.example>"), "Thanks");

    assertThat(header(reply, "References")).isEqualTo("<p1@customer.example> <p2@customer.example>");
  }

  @Test
  void inReplyToUsedWhenReferencesMissing() throws Exception {
    MimeMessage reply = reply(parent(
        "From: a@customer.example",
        "Message-ID: <p2@customer.example>",
        "In-Reply-To: <p1@customer.example>"), "Thanks");

    assertThat(header(reply, "References")).isEqualTo("<p1@customer.example> <p2@customer.example>");
  }

  @Test
  void parentWithoutMessageIdKeepsReferences() throws Exception {
    MimeMessage reply = reply(parent(
        "From: a@customer.example",
        "References: <p1@customer.example>"), "Thanks");

    assertThat(header(reply, "In-Reply-To")).isNull();
    assertThat(header(reply, ReplyComposer.ORIGIN_HEADER)).isNull();
    assertThat(header(reply, "References")).isEqualTo("<p1@customer.example>");
  }

  @Test
  void longReferencesAreFolded() throws Exception {
    StringBuilder references = new StringBuilder("References:");
    for (int i = 0; i < 20; i++) {
      references.append(" <message-").append(i).append("@customer.example>");
    }
    byte[] composed = composer.compose(parser.parse(parent(
        "From: a@customer.example", "Message-ID: <p@customer.example>", references.toString())), MAILBOX, "Thanks");
    String text = new String(composed, StandardCharsets.UTF_8);
    String headerBlock = text.substring(0, text.indexOf("\r\n\r\n"));

    assertThat(headerBlock.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
    assertThat(parser.parse(composed).references()).hasSize(21);
  }

  @Test
  void referencesAreCappedKeepingRoot() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ids.add("<m" + i + "@customer.example>");
    }
    InboundMail parent = new InboundMail("<p@customer.example>", "a@customer.example", List.of(), List.of(),
        List.of(), "s", null, ids, null, "text", false, 10, "text/plain", Set.of(), java.util.Map.of(), null);

    List<String> references = ReplyComposer.replyReferences(parent);

    assertThat(references).hasSize(ReplyComposer.MAX_REFERENCES);
    assertThat(references.get(0)).isEqualTo("<m0@customer.example>");
    assertThat(references.get(references.size() - 1)).isEqualTo("<p@customer.example>");
  }

  @Test
  void autoSubmittedHeaderIsAutoReplied() throws Exception {
    MimeMessage reply = reply(parent("From: a@customer.example", "Message-ID: <p@customer.example>"), "Thanks");

    assertThat(header(reply, "Auto-Submitted")).isEqualTo("auto-replied");
  }

  @Test
  void originMarkerCarriesParentId() throws Exception {
    MimeMessage reply = reply(parent("From: a@customer.example", "Message-ID: <p@customer.example>"), "Thanks");

    assertThat(header(reply, "X-Autoreply-Origin")).isEqualTo("<p@customer.example>");
  }

  @Test
  void replyGoesToReplyTo() throws Exception {
    MimeMessage reply = reply(parent(
        "From: Shop form <noreply@shop.example>",
        "Reply-To: Dana <dana@customer.example>",
        "Message-ID: <p@shop.example>"), "Thanks");

    assertThat(header(reply, "To")).isEqualTo("dana@customer.example");
  }

  @Test
  void replyGoesToFromWithoutReplyTo() throws Exception {
    MimeMessage reply = reply(parent("From: Ann <ann@customer.example>", "Message-ID: <p@customer.example>"), "Thanks");

    assertThat(header(reply, "To")).isEqualTo("ann@customer.example");
  }

  @Test
  void fromIsTenantMailbox() throws Exception {
    MimeMessage reply = reply(parent("From: ann@customer.example", "Message-ID: <p@customer.example>"), "Thanks");

    assertThat(header(reply, "From")).isEqualTo("support@example.com");
  }

  @Test
  void messageIdIsOnMailboxDomain() throws Exception {
    MimeMessage reply = reply(parent("From: ann@customer.example", "Message-ID: <p@customer.example>"), "Thanks");

    assertThat(header(reply, "Message-ID")).matches("<[0-9a-f-]{36}@example\\.com>");
  }

  @Test
  void dateComesFromClock() throws Exception {
    MimeMessage reply = reply(parent("From: ann@customer.example", "Message-ID: <p@customer.example>"), "Thanks");

    assertThat(reply.getSentDate().toInstant()).isEqualTo(Instant.parse("2025-06-02T10:00:00Z"));
  }

  @Test
  void bodyIsUtf8TextPlain() throws Exception {
    MimeMessage reply = reply(parent("From: ann@customer.example", "Message-ID: <p@customer.example>"), "Thanks");

    assertThat(reply.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
  }

  @Test
  void japaneseBodyRoundTripsThroughParser() {
    String text = "お問い合わせありがとうございます。\n明日発送いたします。";
    InboundMail parent = parser.parse(parent(
        "From: =?UTF-8?B?5bGx55Sw?= <yamada@customer.example>",
        "Subject: =?UTF-8?B?5rOo5paH44Gr44Gk44GE44Gm?=",
        "Message-ID: <jp@customer.example>"));

    InboundMail reply = parser.parse(composer.compose(parent, MAILBOX, text));

    assertThat(reply.bodyText()).isEqualTo(text);
    assertThat(reply.subject()).isEqualTo("Re: 注文について");
    assertThat(reply.inReplyTo()).isEqualTo("<jp@customer.example>");
  }

  @Test
  void composedReplyIsSkippedWhenItComesBack() {
    InboundMail parent = parser.parse(parent("From: ann@customer.example", "Message-ID: <p@customer.example>"));
    InboundMail reply = parser.parse(composer.compose(parent, MAILBOX, "Thanks"));

    MailDecision decision = new LoopSafetyFilter().evaluate(reply, Set.of("other@tenant.example"));

    assertThat(decision).isEqualTo(MailDecision.skip(SkipReason.ALREADY_AUTO_REPLIED));
  }

  @Test
  void invalidMailboxIsRejected() {
    InboundMail parent = parser.parse(parent("From: ann@customer.example"));

    assertThatThrownBy(() -> composer.compose(parent, "not an address", "Thanks"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an address");
  }

  @Test
  void parentWithoutSenderIsRejected() {
    InboundMail parent = parser.parse(parent("Subject: nobody"));

    assertThatThrownBy(() -> composer.compose(parent, MAILBOX, "Thanks"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither Reply-To nor From");
  }
}
