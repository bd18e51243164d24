package dev.autoreply.worker.mail;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses raw RFC 5322 messages into {@link InboundMail} with Jakarta Mail (Angus).
 *
 * <p>{@link #parse} throws no exception on any message content. When the headers or every text part fail to
 * decode, it returns a mail whose {@link InboundMail#decodeFailure()} contains the reason, so the caller can
 * route it to a person. Raw UTF-8 in headers (RFC 6532) is accepted. Time is linear in the input
 * size and the kept body text is capped at {@code maxBodyChars}.
 */
public final class MailParser {

  private static final Logger log = LoggerFactory.getLogger(MailParser.class);

  /** Default maximum length of {@link InboundMail#bodyText()}, in chars. */
  public static final int DEFAULT_MAX_BODY_CHARS = 64 * 1024;

  /**
   * Maximum header fields of a message. A message with more is undecodable rather than cut,
   * because a loop-safety field placed after the cut would be missed.
   */
  static final int MAX_HEADER_FIELDS = 1000;

  /** Maximum Subject length kept, in chars, because RFC 5322 limits a line to 998 characters. */
  private static final int MAX_SUBJECT_CHARS = 998;

  private final Session session;
  private final BodyExtractor bodyExtractor;

  public MailParser() {
    this(DEFAULT_MAX_BODY_CHARS);
  }

  /** Creates a parser that keeps at most {@code maxBodyChars} chars of body text. */
  public MailParser(int maxBodyChars) {
    if (maxBodyChars <= 0) {
      throw new IllegalArgumentException("maxBodyChars must be positive, got " + maxBodyChars);
    }
    Properties properties = new Properties();
    properties.setProperty("mail.mime.allowutf8", "true");
    properties.setProperty("mail.mime.address.strict", "false");
    this.session = Session.getInstance(properties);
    this.bodyExtractor = new BodyExtractor(maxBodyChars);
  }

  /** Parses {@code raw}; a null array is read as an empty message. */
  public InboundMail parse(byte[] raw) {
    byte[] bytes = raw == null ? new byte[0] : raw;
    MimeMessage message;
    Map<String, List<String>> headers;
    try {
      int start = MboxFromLine.length(bytes);
      message = new MimeMessage(session, new SharedByteArrayInputStream(bytes, start, bytes.length - start));
      headers = readHeaders(message);
    } catch (MessagingException | RuntimeException e) {
      log.warn("Cannot parse the headers of a {}-byte message: {}", bytes.length, e.toString());
      return undecodable(bytes.length, "headers cannot be parsed: " + e.getMessage());
    }
    try {
      return build(message, headers, bytes.length);
    } catch (RuntimeException e) {
      log.warn("Cannot decode a {}-byte message: {}", bytes.length, e.toString());
      return undecodable(bytes.length, "message cannot be decoded: " + e.getClass().getSimpleName());
    }
  }

  private InboundMail build(MimeMessage message, Map<String, List<String>> headers, long size) {
    HeaderView view = new HeaderView(headers);
    String messageId = MessageIds.first(view.first("message-id"));
    BodyExtractor.Result body = bodyExtractor.extract(message);
    String decodeFailure = null;
    if (body.text().isEmpty() && body.failure() != null) {
      decodeFailure = body.failure();
      log.warn("Cannot decode the body of message {}: {}", messageId, decodeFailure);
    }
    List<String> from = Addresses.parse(view.first("from"));
    return new InboundMail(
        messageId,
        from.isEmpty() ? null : from.get(0),
        Addresses.parse(view.all("reply-to")),
        Addresses.parse(view.all("to")),
        Addresses.parse(view.all("cc")),
        subject(view.first("subject")),
        MessageIds.first(view.first("in-reply-to")),
        MessageIds.extract(view.all("references")),
        returnPath(view.first("return-path")),
        body.text(),
        body.truncated(),
        size,
        PartType.parse(view.first("content-type")).baseType(),
        body.partMimeTypes(),
        headers,
        decodeFailure);
  }

  private static Map<String, List<String>> readHeaders(MimeMessage message) throws MessagingException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Enumeration<Header> all = message.getAllHeaders();
    int count = 0;
    while (all.hasMoreElements()) {
      if (count == MAX_HEADER_FIELDS) {
        throw new MessagingException("more than " + MAX_HEADER_FIELDS + " header fields");
      }
      Header header = all.nextElement();
      String value = header.getValue() == null ? "" : MimeUtility.unfold(header.getValue()).trim();
      headers.computeIfAbsent(header.getName().trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(value);
      count++;
    }
    return headers;
  }

  private static String subject(String value) {
    if (value == null) {
      return null;
    }
    String decoded = EncodedWords.decode(value).replace('\r', ' ').replace('\n', ' ').trim();
    return decoded.length() > MAX_SUBJECT_CHARS ? decoded.substring(0, MAX_SUBJECT_CHARS) : decoded;
  }

  // "<>" (RFC 5321 null reverse-path) becomes "", "<a@b>" and a bare "a@b" become "a@b".
  private static String returnPath(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String compact = value.replaceAll("\\s+", "");
    if (compact.equals("<>") || compact.equals("<<>>")) {
      return "";
    }
    int open = value.indexOf('<');
    int close = value.indexOf('>', open + 1);
    if (open >= 0 && close > open) {
      return value.substring(open + 1, close).trim();
    }
    return value.trim();
  }

  private static InboundMail undecodable(long size, String reason) {
    return new InboundMail(
        null, null, List.of(), List.of(), List.of(), null, null, List.of(), null,
        "", false, size, "text/plain", Set.of(), Map.of(), reason);
  }

  /** Read access to the header map by lower-case field name. */
  private record HeaderView(Map<String, List<String>> headers) {
    List<String> all(String name) {
      return headers.getOrDefault(name, List.of());
    }

    String first(String name) {
      List<String> values = all(name);
      return values.isEmpty() ? null : values.get(0);
    }
  }
}
