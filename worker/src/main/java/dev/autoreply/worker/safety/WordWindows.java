package dev.autoreply.worker.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Word-level normalisation for verbatim comparison: NFKC, lower case, and every run of characters
 * other than letters and digits read as one word break. "Refund  ONLY\nfor orders." and "refund
 * only for orders" therefore compare equal.
 *
 * <p>NOTE: scripts written without spaces (Chinese, Japanese, Thai) become one long word per
 * phrase, so spans in those languages are only found when they match from break to break.
 */
final class WordWindows {

  private static final Pattern WORD_BREAKS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private WordWindows() {
  }

  /** Returns the normalised words of {@code text}. */
  static List<String> words(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String word : WORD_BREAKS.split(normalized)) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** Returns every run of {@code size} consecutive words of {@code words}, each joined by single spaces. */
  static Set<String> windows(List<String> words, int size) {
    Set<String> windows = new HashSet<>();
    for (int start = 0; start + size <= words.size(); start++) {
      windows.add(String.join(" ", words.subList(start, start + size)));
    }
    return windows;
  }

  /** Returns the words of {@code text} joined by single spaces with a space at each end, for phrase search. */
  static String joined(String text) {
    return " " + String.join(" ", words(text)) + " ";
  }
}
