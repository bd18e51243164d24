package dev.autoreply.worker.mail;

import static dev.autoreply.worker.mail.TestMails.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MailParserTest {

  private final MailParser parser = new MailParser();

  @Test
  void headersAreCaseInsensitive() {
    InboundMail mail = parser.parse(message("FROM: a@example.org", "x-custom: one", "X-Custom: two", "", "hi"));

    assertThat(mail.headerValues("X-CUSTOM")).containsExactly("one", "two");
    assertThat(mail.header("x-custom")).isEqualTo("one");
    assertThat(mail.from()).isEqualTo("a@example.org");
  }

  @Test
  void foldedHeaderIsUnfolded() {
    InboundMail mail = parser.parse(message("From: a@example.org", "Subject: first", "  second", "", "hi"));

    assertThat(mail.subject()).isEqualTo("first  second");
  }

  @Test
  void utf8WordSplitInsideCharacterIsJoined() {
    // "✔" is E2 9C 94; the two encoded words split it after the first byte.
    InboundMail mail = parser.parse(message(
        "From: a@example.org", "Subject: =?UTF-8?Q?ok_=E2?= =?UTF-8?Q?=9C=94?= done", "", "hi"));

    assertThat(mail.subject()).isEqualTo("ok ✔ done");
  }

  @Test
  void unknownCharsetFallsBack() {
    InboundMail mail = parser.parse(TestMails.resource("unknown-charset.eml"));

    assertThat(mail.bodyText()).isEqualTo("Is the café open on Sunday?");
    assertThat(mail.subject()).isEqualTo("Café question");
    assertThat(mail.decoded()).isTrue();
  }

  @Test
  void ksc5601AliasDecodesCp949Extension() {
    // 0x8C 0x63 is a CP949 extension syllable outside EUC-KR.
    byte[] head = String.join("\r\n", "From: a@example.org",
        "Content-Type: text/plain; charset=ks_c_5601-1987", "", "").getBytes(StandardCharsets.US_ASCII);
    byte[] raw = new byte[head.length + 2];
    System.arraycopy(head, 0, raw, 0, head.length);
    raw[head.length] = (byte) 0x8C;
    raw[head.length + 1] = (byte) 0x63;

    InboundMail mail = parser.parse(raw);

    assertThat(mail.bodyText()).isEqualTo(new String(new byte[] {(byte) 0x8C, 0x63}, java.nio.charset.Charset.forName("x-windows-949")));
    assertThat(mail.bodyText()).doesNotContain("\uFFFD");
  }

  @Test
  void htmlOnlyBodyIsConvertedToText() {
    InboundMail mail = parser.parse(message(
        "From: a@example.org",
        "Content-Type: text/html; charset=UTF-8",
        "",
        "<html><head><style>p {color: red}</style><title>T</title></head>",
        "<body><p>Gr&uuml;&szlig;e &amp; thanks&#33;</p><p>Line&nbsp;two &#x263A;</p></body></html>"));

    assertThat(mail.bodyText()).isEqualTo("Grüße & thanks!\n\nLine two ☺");
  }

  @Test
  void plainTextWinsOverHtmlAlternative() {
    InboundMail mail = parser.parse(message(
        "From: a@example.org",
        "Content-Type: multipart/alternative; boundary=alt",
        "",
        "--alt",
        "Content-Type: text/html",
        "",
        "<p>html version</p>",
        "--alt",
        "Content-Type: text/plain",
        "",
        "plain version",
        "--alt--"));

    assertThat(mail.bodyText()).isEqualTo("plain version");
  }

  @Test
  void textAttachmentIsNotBody() {
    InboundMail mail = parser.parse(message(
        "From: a@example.org",
        "Content-Type: multipart/mixed; boundary=mix",
        "",
        "--mix",
        "Content-Type: text/plain",
        "",
        "the question",
        "--mix",
        "Content-Type: text/plain; name=log.txt",
        "Content-Disposition: attachment; filename=log.txt",
        "",
        "attached log",
        "--mix--"));

    assertThat(mail.bodyText()).isEqualTo("the question");
  }

  @Test
  void bodyIsCappedAtMaxChars() {
    MailParser small = new MailParser(10);

    InboundMail mail = small.parse(message("From: a@example.org", "", "0123456789abcdef"));

    assertThat(mail.bodyText()).isEqualTo("0123456789");
    assertThat(mail.bodyTruncated()).isTrue();
  }

  @Test
  void emptyInputDoesNotThrow() {
    InboundMail mail = parser.parse(new byte[0]);

    assertThat(mail.from()).isNull();
    assertThat(mail.bodyText()).isEmpty();
  }

  @Test
  void nullInputDoesNotThrow() {
    InboundMail mail = parser.parse(null);

    assertThat(mail.sizeBytes()).isZero();
  }

  @Test
  void randomBytesDoNotThrow() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] raw = new byte[random.nextInt(4096)];
      random.nextBytes(raw);

      InboundMail mail = parser.parse(raw);

      assertThat(mail.sizeBytes()).isEqualTo(raw.length);
    }
  }

  @Test
  void brokenMultipartWithoutTextIsUndecodable() {
    InboundMail mail = parser.parse(message(
        "From: a@example.org",
        "Content-Type: multipart/mixed; boundary=never-used",
        "",
        "no boundary line anywhere"));

    assertThat(mail.decoded()).isFalse();
    assertThat(new LoopSafetyFilter().evaluate(mail, java.util.Set.of()).reviewReason())
        .isEqualTo(ReviewReason.UNDECODABLE);
  }

  @Test
  void deeplyNestedMultipartDoesNotOverflow() {
    StringBuilder text = new StringBuilder("From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
    int depth = 2000;
    for (int i = 1; i <= depth; i++) {
      text.append("--b").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n");
    }
    InboundMail mail = parser.parse(text.toString().getBytes(StandardCharsets.US_ASCII));

    assertThat(mail.from()).isEqualTo("a@example.org");
  }

  @Test
  void unclosedTagsInLargeHtmlStayLinear() {
    String chunk = "<a href=\"x\" <b <i &amp &#99999999999; <!-- ";
    String html = chunk.repeat(1024 * 1024 / chunk.length());
    byte[] raw = message("From: a@example.org", "Content-Type: text/html", "", html);

    long start = System.nanoTime();
    InboundMail mail = parser.parse(raw);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(mail.bodyText().length()).isLessThanOrEqualTo(MailParser.DEFAULT_MAX_BODY_CHARS);
    // The bound is loose for slow machines; a quadratic scan of 1 MiB would exceed it by far.
    assertThat(millis).isLessThan(5_000);
  }

  @Test
  void mboxFromLineIsSkipped() {
    InboundMail mail = parser.parse(message(
        "From someone@example.org  Wed Aug  3 17:55:19 2011", "From: a@example.org", "Subject: s", "", "hi"));

    assertThat(mail.from()).isEqualTo("a@example.org");
    assertThat(mail.subject()).isEqualTo("s");
  }

  @Test
  void referencesKeepOrderAndDropDuplicates() {
    InboundMail mail = parser.parse(message(
        "From: a@example.org",
        "References: <1@x.example> bad <2@x.example> <1@x.example> <a b@x.example> <@x.example> <3@x@y>",
        "", "hi"));

    assertThat(mail.references()).containsExactly("<1@x.example>", "<2@x.example>");
  }

  @Test
  void emptyInReplyToIsNull() {
    InboundMail mail = parser.parse(message("From: a@example.org", "In-Reply-To: ", "", "hi"));

    assertThat(mail.inReplyTo()).isNull();
  }

  @Test
  void nullReturnPathIsEmptyString() {
    InboundMail mail = parser.parse(message("Return-Path: < >", "From: a@example.org", "", "hi"));

    assertThat(mail.returnPath()).isEmpty();
  }

  @Test
  void rawUtf8AddressIsParsed() {
    InboundMail mail = parser.parse(message("From: \"Jöhn\" <jöhn@bücher.example>", "", "hi"));

    assertThat(mail.from()).isEqualTo("jöhn@bücher.example");
  }
}
