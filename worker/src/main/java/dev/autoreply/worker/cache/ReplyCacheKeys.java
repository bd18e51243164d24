package dev.autoreply.worker.cache;

import dev.autoreply.worker.drafting.Prompt;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Builds the keys of the {@link ReplyCache}. A key is {@code autoreply:reply:} followed by the
 * URL-encoded tenant, a colon and the SHA-256 of the key material in lower-case hex. The tenant
 * is part of every key, so two tenants never read each other's replies.
 */
public final class ReplyCacheKeys {

  public static final String PREFIX = "autoreply:reply:";

  /** Format version of the key material; change it to make every stored reply unreachable. */
  static final String MATERIAL_VERSION = "v1";

  private ReplyCacheKeys() {
  }

  /**
   * Builds the key material of one model call: everything that decides the reply. Text is
   * normalised to Unicode NFC, with LF line ends and without leading or trailing white space.
   * Each field is preceded by its length, so no two different prompts give the same material.
   */
  public static String material(Prompt prompt, String model, int maxOutputTokens) {
    Objects.requireNonNull(prompt, "prompt");
    StringBuilder material = new StringBuilder(MATERIAL_VERSION).append('\n');
    appendField(material, "model", normalize(model));
    appendField(material, "maxOutputTokens", Integer.toString(maxOutputTokens));
    appendField(material, "systemInstruction", normalize(prompt.systemInstruction()));
    appendField(material, "userContent", normalize(prompt.userContent()));
    return material.toString();
  }

  /**
   * Builds the Redis key of {@code cacheKeyMaterial} for {@code tenant}.
   *
   * @throws IllegalArgumentException if the tenant is null or blank
   */
  public static String redisKey(String tenant, String cacheKeyMaterial) {
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalArgumentException("a cache tenant must not be blank, but was \"" + tenant + "\"");
    }
    Objects.requireNonNull(cacheKeyMaterial, "cacheKeyMaterial");
    return PREFIX + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + ":" + sha256(cacheKeyMaterial);
  }

  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String lineFeeds = text.replace("\r\n", "\n").replace('\r', '\n');
    return Normalizer.normalize(lineFeeds, Normalizer.Form.NFC).strip();
  }

  private static void appendField(StringBuilder material, String name, String value) {
    material.append(name).append(' ').append(value.length()).append('\n').append(value).append('\n');
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest documentation).
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
