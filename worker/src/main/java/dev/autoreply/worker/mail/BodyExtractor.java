package dev.autoreply.worker.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extraction of the text a person wrote from a MIME tree. Inline text/plain parts are preferred;
 * text converted from text/html is used only when no part yields plain text. In a
 * multipart/alternative the first child that yields plain text wins, else the first that yields
 * HTML text. Attachments, forwarded messages (message/rfc822), report parts and binary parts such
 * as TNEF (application/ms-tnef) are skipped.
 *
 * <p>A part that fails to decode is skipped and recorded, so one broken part does not lose the
 * others. Depth, part count and bytes read per part are capped so that hostile nesting cannot
 * exhaust the stack or memory.
 */
final class BodyExtractor {

  private static final Logger log = LoggerFactory.getLogger(BodyExtractor.class);

  private static final int MAX_DEPTH = 20;
  private static final int MAX_PARTS = 500;
  /** Bytes read from one part; a limit on memory, set well above the text kept from it. */
  private static final int MAX_PART_BYTES = 8 * 1024 * 1024;

  private final int maxChars;

  BodyExtractor(int maxChars) {
    this.maxChars = maxChars;
  }

  /** Extracted body text, the MIME types seen and the first part failure, if any. */
  record Result(String text, boolean truncated, Set<String> partMimeTypes, String failure) {}

  Result extract(Part root) {
    Walk walk = new Walk();
    Collected collected = walk.visit(root, 0);
    String text = collected.plain.length() > 0 ? collected.plain.toString() : collected.html.toString();
    boolean truncated = collected.truncated;
    if (text.length() > maxChars) {
      text = text.substring(0, maxChars);
      truncated = true;
    }
    return new Result(text.strip(), truncated, walk.partMimeTypes, walk.failure);
  }

  /** Text found under one part, kept apart by source so plain text can win over HTML. */
  private static final class Collected {
    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    boolean truncated;

    boolean hasText() {
      return plain.length() > 0 || html.length() > 0;
    }

    void add(Collected other) {
      appendParagraph(plain, other.plain);
      appendParagraph(html, other.html);
      truncated |= other.truncated;
    }

    static void appendParagraph(StringBuilder target, CharSequence text) {
      if (text.length() == 0) {
        return;
      }
      if (target.length() > 0) {
        target.append("\n\n");
      }
      target.append(text);
    }
  }

  /** State of one traversal: part count, MIME types seen and the first failure. */
  private final class Walk {
    final Set<String> partMimeTypes = new LinkedHashSet<>();
    String failure;
    int parts;

    Collected visit(Part part, int depth) {
      Collected collected = new Collected();
      if (depth > MAX_DEPTH || ++parts > MAX_PARTS) {
        recordFailure("MIME structure exceeds " + MAX_DEPTH + " levels or " + MAX_PARTS + " parts", null);
        return collected;
      }
      PartType type = PartType.of(part);
      partMimeTypes.add(type.baseType());
      try {
        if (type.baseType().startsWith("multipart/")) {
          visitMultipart(part, type, depth, collected);
        } else if (!isAttachment(part)) {
          visitLeaf(part, type, collected);
        }
      } catch (MessagingException | IOException | RuntimeException e) {
        recordFailure("cannot decode " + type.baseType() + " part", e);
      }
      return collected;
    }

    private void visitMultipart(Part part, PartType type, int depth, Collected collected)
        throws MessagingException, IOException {
      Object content = part.getContent();
      if (!(content instanceof Multipart multipart)) {
        recordFailure("multipart content is not parseable as " + type.baseType(), null);
        return;
      }
      int count = multipart.getCount();
      if (type.baseType().equals("multipart/alternative")) {
        collected.add(chooseAlternative(multipart, count, depth));
        return;
      }
      for (int i = 0; i < count; i++) {
        collected.add(visit(multipart.getBodyPart(i), depth + 1));
      }
    }

    private Collected chooseAlternative(Multipart multipart, int count, int depth)
        throws MessagingException {
      Collected firstHtml = null;
      for (int i = 0; i < count; i++) {
        Collected child = visit(multipart.getBodyPart(i), depth + 1);
        if (child.plain.length() > 0) {
          return child;
        }
        if (firstHtml == null && child.hasText()) {
          firstHtml = child;
        }
      }
      return firstHtml == null ? new Collected() : firstHtml;
    }

    private void visitLeaf(Part part, PartType type, Collected collected)
        throws MessagingException, IOException {
      boolean html = type.baseType().equals("text/html");
      if (!html && !type.baseType().equals("text/plain")) {
        return;
      }
      byte[] bytes = readBounded(part);
      String text = MailCharsets.decode(bytes, type.charset());
      if (html) {
        HtmlText.Text converted = HtmlText.convert(text, maxChars);
        collected.html.append(converted.text().strip());
        collected.truncated = converted.truncated();
      } else {
        collected.plain.append(normalizeLineEnds(text).strip());
      }
    }

    private void recordFailure(String reason, Exception e) {
      if (failure == null) {
        failure = e == null ? reason : reason + ": " + e.getClass().getSimpleName();
      }
      log.debug("Skipped a MIME part: {}", reason, e);
    }
  }

  private static boolean isAttachment(Part part) {
    try {
      return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    } catch (MessagingException e) {
      return false;
    }
  }

  // Reads the transfer-decoded content; an unknown Content-Transfer-Encoding falls back to the raw
  // bytes, and a decoding error mid-stream keeps the bytes decoded so far.
  private byte[] readBounded(Part part) throws MessagingException, IOException {
    InputStream in;
    try {
      in = part.getInputStream();
    } catch (MessagingException e) {
      if (!(part instanceof MimePart mimePart)) {
        throw e;
      }
      in = rawInputStream(mimePart);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream stream = in) {
      byte[] buffer = new byte[8192];
      int read;
      while (out.size() < MAX_PART_BYTES && (read = stream.read(buffer)) > 0) {
        out.write(buffer, 0, Math.min(read, MAX_PART_BYTES - out.size()));
      }
    } catch (IOException e) {
      log.debug("Transfer decoding stopped after {} bytes", out.size(), e);
    }
    return out.toByteArray();
  }

  private static InputStream rawInputStream(MimePart part) throws MessagingException {
    if (part instanceof MimeBodyPart bodyPart) {
      return bodyPart.getRawInputStream();
    }
    if (part instanceof MimeMessage message) {
      return message.getRawInputStream();
    }
    throw new MessagingException("no raw content for " + part.getClass().getName());
  }

  private static String normalizeLineEnds(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
