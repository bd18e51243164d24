package dev.autoreply.worker.priority;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds urgent keywords in a mail. A keyword matches as a whole word or phrase, ignoring case,
 * with any run of white space between the words of a phrase. Body lines that start with '>'
 * are quoted earlier mail and are not searched.
 */
final class UrgentKeywords {

  /** Letters, digits and '_' may not touch a keyword, so "urgent" does not match "urgently". */
  private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";

  private final Pattern pattern;

  UrgentKeywords(Collection<String> keywords) {
    this.pattern = keywords.isEmpty() ? null : compile(keywords);
  }

  boolean matches(String subject, String body) {
    if (pattern == null) {
      return false;
    }
    return pattern.matcher(subject).find() || pattern.matcher(unquoted(body)).find();
  }

  private static Pattern compile(Collection<String> keywords) {
    String alternatives = keywords.stream()
        .map(UrgentKeywords::phrasePattern)
        .collect(Collectors.joining("|"));
    return Pattern.compile("(?<!" + WORD_CHAR + ")(?:" + alternatives + ")(?!" + WORD_CHAR + ")",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String phrasePattern(String keyword) {
    String[] words = keyword.strip().split("\\s+");
    StringBuilder phrase = new StringBuilder();
    for (String word : words) {
      if (phrase.length() > 0) {
        phrase.append("\\s+");
      }
      phrase.append(Pattern.quote(word));
    }
    return phrase.toString();
  }

  private static String unquoted(String body) {
    return body.lines()
        .filter(line -> !line.stripLeading().startsWith(">"))
        .collect(Collectors.joining("\n"));
  }
}
