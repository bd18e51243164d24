package dev.autoreply.worker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentIdsTest {

  @Test
  void tenantSlashIsEncoded() {
    assertThat(DocumentIds.encode("shop-a/support")).isEqualTo("shop-a%2Fsupport");
  }

  @Test
  void encodedIdsContainNoSlash() {
    assertThat(DocumentIds.encode("a/b/c")).doesNotContain("/");
    assertThat(DocumentIds.encode("odd/local@example.com")).isEqualTo("odd%2Flocal%40example.com");
  }

  @Test
  void gmailMessageIdIsUnchanged() {
    assertThat(DocumentIds.encode("18f0a1b2c3d4e5f6")).isEqualTo("18f0a1b2c3d4e5f6");
  }

  @Test
  void encodingIsReversible() {
    for (String value : new String[] {"shop-a/support", "a+b c%2F", "ünïcode/name", "."}) {
      assertThat(DocumentIds.decode(DocumentIds.encode(value))).isEqualTo(value);
    }
  }

  @Test
  void distinctTenantsGetDistinctIds() {
    assertThat(DocumentIds.encode("a/b-c")).isNotEqualTo(DocumentIds.encode("a-b/c"));
    assertThat(DocumentIds.encode("a%2Fb")).isNotEqualTo(DocumentIds.encode("a/b"));
  }

  @Test
  void blankKeyIsRejected() {
    assertThatThrownBy(() -> DocumentIds.encode(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be blank");
  }
}
