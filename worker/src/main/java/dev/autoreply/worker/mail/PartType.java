package dev.autoreply.worker.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.util.Locale;

/**
 * The Content-Type of a MIME part, read leniently: a missing field means text/plain (RFC 2045
 * section 5.2), and a field whose parameters do not parse keeps its base type and charset.
 *
 * @param baseType lower-case type/subtype, e.g. {@code text/plain}
 * @param charset the charset parameter, or null when absent
 * @param reportType the report-type parameter of multipart/report, or null
 */
record PartType(String baseType, String charset, String reportType) {

  private static final PartType DEFAULT = new PartType("text/plain", null, null);

  static PartType of(Part part) {
    String value;
    try {
      String[] values = part.getHeader("Content-Type");
      value = values == null || values.length == 0 ? null : values[0];
    } catch (MessagingException e) {
      value = null;
    }
    return parse(value);
  }

  static PartType parse(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      return DEFAULT;
    }
    String value = MimeUtility.unfold(headerValue).trim();
    try {
      ContentType type = new ContentType(value);
      return new PartType(
          type.getBaseType().toLowerCase(Locale.ROOT),
          type.getParameter("charset"),
          type.getParameter("report-type"));
    } catch (ParseException | RuntimeException e) {
      return parseLeniently(value);
    }
  }

  private static PartType parseLeniently(String value) {
    int semicolon = value.indexOf(';');
    String base = (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    if (base.indexOf('/') <= 0 || base.indexOf(' ') >= 0) {
      base = DEFAULT.baseType();
    }
    return new PartType(base, parameter(value, "charset"), parameter(value, "report-type"));
  }

  // Finds name=value after a ';', with optional quotes, when the full parameter syntax is broken.
  private static String parameter(String value, String name) {
    String lower = value.toLowerCase(Locale.ROOT);
    int index = lower.indexOf(name + "=");
    if (index < 0) {
      return null;
    }
    int start = index + name.length() + 1;
    int end = start;
    while (end < value.length() && ";\t\r\n ".indexOf(value.charAt(end)) < 0) {
      end++;
    }
    String parameter = value.substring(start, end).replace("\"", "").trim();
    return parameter.isEmpty() ? null : parameter;
  }
}
