package dev.autoreply.worker.safety;

import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the hosts of links written in free text: any {@code scheme://authority} and bare
 * {@code www.} names. The host is the part of the authority after the last {@code '@'} and
 * before the port, so {@code https://shop.example@evil.example/} yields {@code evil.example}.
 *
 * <p>NOTE: a bare domain without scheme or {@code www.} ("go to evil.example/login") is not found,
 * because it cannot be distinguished from a file name or a sentence that ends without a space.
 */
final class TextLinks {

  private static final String SCHEME_SEPARATOR = "://";
  private static final String WWW = "www.";

  private TextLinks() {
  }

  /** Returns the link hosts in {@code text}, normalised by {@link #normalizeHost}, in order of appearance. */
  static Set<String> findHosts(String text) {
    Set<String> hosts = new LinkedHashSet<>();
    addSchemeHosts(text, hosts);
    addWwwHosts(text, hosts);
    return hosts;
  }

  /**
   * Returns {@code host} in lower case ASCII (IDNA ToASCII), without a trailing dot, so that a
   * Unicode host and its punycode form compare equal. A host that IDNA rejects is only lower-cased.
   */
  static String normalizeHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    while (lower.endsWith(".")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    try {
      return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return lower;
    }
  }

  private static void addSchemeHosts(String text, Set<String> hosts) {
    int separator = text.indexOf(SCHEME_SEPARATOR);
    while (separator >= 0) {
      int authorityStart = separator + SCHEME_SEPARATOR.length();
      String host = hostOf(authority(text, authorityStart));
      if (!host.isEmpty()) {
        hosts.add(normalizeHost(host));
      }
      separator = text.indexOf(SCHEME_SEPARATOR, authorityStart);
    }
  }

  private static void addWwwHosts(String text, Set<String> hosts) {
    String lower = text.toLowerCase(Locale.ROOT);
    int start = lower.indexOf(WWW);
    while (start >= 0) {
      boolean wordStart = start == 0 || !isAuthorityChar(text.charAt(start - 1));
      if (wordStart) {
        String host = hostOf(authority(text, start));
        if (host.indexOf('.', WWW.length()) > 0) {
          hosts.add(normalizeHost(host));
        }
      }
      start = lower.indexOf(WWW, start + WWW.length());
    }
  }

  private static String authority(String text, int start) {
    int end = start;
    while (end < text.length() && isAuthorityChar(text.charAt(end))) {
      end++;
    }
    return text.substring(start, end);
  }

  private static String hostOf(String authority) {
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host.substring(1) : host.substring(1, close);
    }
    int colon = host.indexOf(':');
    host = colon < 0 ? host : host.substring(0, colon);
    // Sentence punctuation after a bare host is not part of it.
    while (!host.isEmpty() && ".,;!-".indexOf(host.charAt(host.length() - 1)) >= 0) {
      host = host.substring(0, host.length() - 1);
    }
    return host;
  }

  // Characters of an RFC 3986 authority (userinfo, host, port) and Unicode letters for IRIs. The
  // apostrophe is left out, because in prose it follows a name ("www.shop.example's page").
  private static boolean isAuthorityChar(char c) {
    return Character.isLetterOrDigit(c) || "-._~%!$&*+=:@[]".indexOf(c) >= 0;
  }
}
