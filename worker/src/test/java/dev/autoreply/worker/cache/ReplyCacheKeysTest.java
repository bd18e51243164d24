package dev.autoreply.worker.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.worker.drafting.Prompt;
import org.junit.jupiter.api.Test;

class ReplyCacheKeysTest {

  private static final Prompt PROMPT = new Prompt("System rules.\n", "Customer name: Jonas\n\nHi");

  @Test
  void redisKeyFormat() {
    String key = ReplyCacheKeys.redisKey("shop-a/support", "material");

    assertThat(key).matches("autoreply:reply:shop-a%2Fsupport:[0-9a-f]{64}");
  }

  @Test
  void tenantColonIsEncoded() {
    String key = ReplyCacheKeys.redisKey("a:b", "material");

    assertThat(key).startsWith("autoreply:reply:a%3Ab:");
  }

  @Test
  void lineEndsAndOuterSpaceIgnored() {
    Prompt crlf = new Prompt("  System rules.\r\n", "Customer name: Jonas\r\n\r\nHi  ");

    assertThat(ReplyCacheKeys.material(crlf, "gemini-2.5-flash", 512))
        .isEqualTo(ReplyCacheKeys.material(PROMPT, "gemini-2.5-flash", 512));
  }

  @Test
  void unicodeFormsAreEqual() {
    Prompt composed = new Prompt("x", "Caf\u00e9");
    Prompt decomposed = new Prompt("x", "Cafe\u0301");

    assertThat(ReplyCacheKeys.material(composed, "m", 1))
        .isEqualTo(ReplyCacheKeys.material(decomposed, "m", 1));
  }

  @Test
  void modelAndTokensChangeMaterial() {
    String base = ReplyCacheKeys.material(PROMPT, "gemini-2.5-flash", 512);

    assertThat(ReplyCacheKeys.material(PROMPT, "gemini-2.5-pro", 512)).isNotEqualTo(base);
    assertThat(ReplyCacheKeys.material(PROMPT, "gemini-2.5-flash", 1024)).isNotEqualTo(base);
  }

  @Test
  void fieldBoundariesAreUnambiguous() {
    Prompt first = new Prompt("ab", "c");
    Prompt second = new Prompt("a", "bc");

    assertThat(ReplyCacheKeys.material(first, "m", 1))
        .isNotEqualTo(ReplyCacheKeys.material(second, "m", 1));
  }
}
