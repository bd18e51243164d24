package dev.autoreply.worker.ledger;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes ledger keys as Firestore document ids. A document id cannot contain '/', so a tenant
 * "namespace/name" is stored as "namespace%2Fname". The encoding is {@code
 * application/x-www-form-urlencoded} in UTF-8, which is reversible and leaves Kubernetes names
 * and Gmail message ids unchanged.
 */
public final class DocumentIds {

  private DocumentIds() {
  }

  /**
   * Encodes {@code value} as a document id.
   *
   * @throws IllegalArgumentException if {@code value} is null or blank
   */
  public static String encode(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a ledger key must not be blank, but was \"" + value + "\"");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Decodes a document id made by {@link #encode(String)}. */
  public static String decode(String documentId) {
    return URLDecoder.decode(documentId, StandardCharsets.UTF_8);
  }
}
