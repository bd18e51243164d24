package dev.autoreply.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsHashTest {

  @Test
  void keyOrderDoesNotMatter() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("a", encode("1"));
    forward.put("b", encode("2"));
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("b", encode("2"));
    backward.put("a", encode("1"));

    assertThat(CredentialsHash.of(secret(forward))).isEqualTo(CredentialsHash.of(secret(backward)));
  }

  @Test
  void stringDataEqualsData() {
    Secret encoded = secret(Map.of("credentials.json", encode("{}")));
    Secret plain = new SecretBuilder().addToStringData("credentials.json", "{}").build();

    assertThat(CredentialsHash.of(plain)).isEqualTo(CredentialsHash.of(encoded));
  }

  @Test
  void valueChangeChangesHash() {
    assertThat(CredentialsHash.of(secret(Map.of("k", encode("v1")))))
        .isNotEqualTo(CredentialsHash.of(secret(Map.of("k", encode("v2")))));
  }

  @Test
  void bytesCannotShiftBetweenKeyAndValue() {
    assertThat(CredentialsHash.of(secret(Map.of("ab", encode("c")))))
        .isNotEqualTo(CredentialsHash.of(secret(Map.of("a", encode("bc")))));
  }

  @Test
  void hashIsLowerCaseHexSha256() {
    assertThat(CredentialsHash.of(new Secret())).matches("[0-9a-f]{64}");
  }

  private static Secret secret(Map<String, String> data) {
    return new SecretBuilder().withData(data).build();
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
