package dev.autoreply.operator.model;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 of a Secret's content, so the worker pods roll when the credentials change. */
public final class CredentialsHash {

  private CredentialsHash() {
  }

  /**
   * Returns the lower-case hex SHA-256 over the Secret's keys in sorted order, each followed by
   * its value. Values of {@code stringData} win over {@code data}, as the API server merges
   * them. Every key and value is length-prefixed, so no two contents hash alike by shifting
   * bytes between a key and a value.
   */
  public static String of(Secret secret) {
    Map<String, byte[]> content = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((key, value) ->
          content.put(key, value == null ? new byte[0] : Base64.getDecoder().decode(value)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((key, value) ->
          content.put(key, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8)));
    }
    MessageDigest digest = sha256();
    for (Map.Entry<String, byte[]> entry : content.entrySet()) {
      update(digest, entry.getKey().getBytes(StandardCharsets.UTF_8));
      update(digest, entry.getValue());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, byte[] bytes) {
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
