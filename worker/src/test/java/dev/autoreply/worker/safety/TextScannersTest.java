package dev.autoreply.worker.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextScannersTest {

  @Test
  void linkHostSkipsUserinfoAndPort() {
    assertThat(TextLinks.findHosts("log in at https://shop-a.example:pw@Evil.Example:8443/login now"))
        .containsExactly("evil.example");
  }

  @Test
  void linkHostDropsSentencePunctuation() {
    assertThat(TextLinks.findHosts("See https://shop-a.example. Or www.shop-a.example, thanks."))
        .containsExactly("shop-a.example", "www.shop-a.example");
  }

  @Test
  void linkHostOfIpv6Literal() {
    assertThat(TextLinks.findHosts("open http://[2001:db8::1]:8080/x")).containsExactly("2001:db8::1");
  }

  @Test
  void unicodeLinkHostBecomesPunycode() {
    assertThat(TextLinks.findHosts("https://bücher.example/a")).containsExactly("xn--bcher-kva.example");
  }

  @Test
  void wwwInsideWordIsNoLink() {
    assertThat(TextLinks.findHosts("the file awww.txt is attached")).isEmpty();
  }

  @Test
  void addressesAreLowerCaseWithoutEdgeDots() {
    assertThat(TextAddresses.find("Write to Boss@Evil.Example. Or (a.b+tag@x.example)!"))
        .containsExactly("boss@evil.example", "a.b+tag@x.example");
  }

  @Test
  void atSignWithoutDomainIsNoAddress() {
    assertThat(TextAddresses.find("ping @team, or user@localhost, or a@b.c1")).isEmpty();
  }

  @Test
  void longTextWithoutAddressIsScannedQuickly() {
    String text = "a".repeat(200_000) + "@" + "b".repeat(200_000);

    assertThat(TextAddresses.find(text)).isEmpty();
  }

  @Test
  void wordsIgnoreCaseAndPunctuation() {
    assertThat(WordWindows.words("Refund  ONLY,\nfor orders!")).containsExactly("refund", "only", "for", "orders");
  }
}
