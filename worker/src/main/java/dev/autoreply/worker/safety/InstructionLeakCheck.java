package dev.autoreply.worker.safety;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds drafted replies that reveal the tenant's instructions: a run of {@code windowWords}
 * consecutive words that also occurs in the instructions, or a phrase in which the model talks
 * about its own instructions or prompt. Words are compared after {@link WordWindows}
 * normalisation, so case, whitespace and punctuation changes do not hide a copy.
 *
 * <p>Runs that also occur in the signature are ignored, because the reply must contain the
 * signature and a tenant may repeat it in the instructions.
 *
 * <p>NOTE: an instruction that requires the model to quote a sentence of {@code windowWords} words or
 * more sends every reply that quotes it to review. Tenants should keep such sentences shorter or
 * put them in the signature. A translated or paraphrased leak is found only by the phrases.
 */
final class InstructionLeakCheck {

  /**
   * Phrases, already normalised, in which a reply talks about its own configuration. The list
   * covers English, German, French, Spanish and Italian. "my instructions" also matches an
   * ordinary "follow my instructions below", and such a reply goes to review.
   */
  static final List<String> LEAK_PHRASES = List.of(
      "my instructions",
      "my prompt",
      "system prompt",
      "system instruction",
      "system instructions",
      "previous instructions",
      "instructions from the support team",
      "i was instructed",
      "i have been instructed",
      "meine anweisungen",
      "systemprompt",
      "vorherigen anweisungen",
      "mes instructions",
      "instructions précédentes",
      "invite système",
      "mis instrucciones",
      "instrucciones anteriores",
      "instrucciones del sistema",
      "le mie istruzioni",
      "istruzioni precedenti");

  private final int windowWords;
  private final Set<String> instructionWindows;

  /**
   * Creates a check against {@code instructions}.
   *
   * @param windowWords length of a verbatim run that counts as a leak, at least 2
   */
  InstructionLeakCheck(String instructions, String signature, int windowWords) {
    if (windowWords < 2) {
      throw new IllegalArgumentException("windowWords must be at least 2, got " + windowWords);
    }
    this.windowWords = windowWords;
    Set<String> windows = new HashSet<>(WordWindows.windows(WordWindows.words(instructions), windowWords));
    windows.removeAll(WordWindows.windows(WordWindows.words(signature), windowWords));
    this.instructionWindows = Set.copyOf(windows);
  }

  /** Returns what leaked, for logs: the matching phrase, or a note that a verbatim run matched. */
  Optional<String> find(String replyText) {
    String joined = WordWindows.joined(replyText);
    for (String phrase : LEAK_PHRASES) {
      if (joined.contains(" " + phrase + " ")) {
        return Optional.of("phrase \"" + phrase + "\"");
      }
    }
    List<String> words = WordWindows.words(replyText);
    for (int start = 0; start + windowWords <= words.size(); start++) {
      if (instructionWindows.contains(String.join(" ", words.subList(start, start + windowWords)))) {
        return Optional.of(windowWords + " consecutive words of the instructions");
      }
    }
    return Optional.empty();
  }
}
