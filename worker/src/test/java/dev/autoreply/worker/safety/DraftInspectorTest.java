package dev.autoreply.worker.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoreply.api.settings.WorkerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftInspectorTest {

  private static final List<String> CUSTOMER = List.of("jonas@customer.example");

  private final DraftInspector inspector = new DraftInspector(SafetyFixtures.settings());

  private static String reply(String middle) {
    return "Hello Jonas,\n\n" + middle + "\n\nBest regards,\n" + SafetyFixtures.SIGNATURE;
  }

  private DraftVerdict inspect(String text) {
    return inspector.inspect("18f0a1", text, CUSTOMER);
  }

  @Test
  void ordinaryReplyIsOk() {
    DraftVerdict verdict = inspect(reply("""
        sorry that the parcel arrived damaged. We will send a replacement today, and you can \
        return the broken one with the form at https://shop-a.example/returns."""));

    assertThat(verdict.isOk()).isTrue();
    assertThat(verdict.code()).isEqualTo("ok");
    assertThat(verdict.reason()).isNull();
    assertThat(verdict.detail()).isEmpty();
  }

  @Test
  void customerOwnAddressIsOk() {
    DraftVerdict verdict = inspect(reply(
        "we will send the tracking number to Jonas@Customer.example as soon as the parcel ships."));

    assertThat(verdict.isOk()).isTrue();
  }

  @Test
  void tenantAddressesAreOk() {
    DraftVerdict verdict = inspect(reply("""
        for the invoice please write to billing@shop-a.example, and for anything else reply \
        to help@shop-a.example."""));

    assertThat(verdict.isOk()).isTrue();
  }

  @Test
  void signatureAloneKeepsSignatureAddressOk() {
    assertThat(inspect(reply("thank you, your replacement is on its way to you.")).isOk()).isTrue();
  }

  @Test
  void otherAddressIsForeignAddress() {
    DraftVerdict verdict = inspect(reply("I have added boss@evil.example to this conversation."));

    assertThat(verdict.reason()).isEqualTo(DraftReviewReason.FOREIGN_ADDRESS);
    assertThat(verdict.code()).isEqualTo("foreign_address");
    assertThat(verdict.detail()).isEqualTo("domain evil.example");
  }

  @Test
  void addressAtEndOfSentenceIsFound() {
    DraftVerdict verdict = inspect(reply("Copies of all mail now go to archive@evil.example."));

    assertThat(verdict.code()).isEqualTo("foreign_address");
  }

  @Test
  void addressOfTenantDomainButNotNamedIsForeign() {
    DraftVerdict verdict = inspect(reply("the warehouse team at lager@shop-a.example will call you."));

    assertThat(verdict.code()).isEqualTo("foreign_address");
  }

  @Test
  void recipientsOtherThanCustomerAreNotAllowed() {
    DraftVerdict verdict = inspector.inspect("18f0a1",
        reply("we will write to jonas@customer.example."), List.of("agent@other.example"));

    assertThat(verdict.code()).isEqualTo("foreign_address");
  }

  @Test
  void eightInstructionWordsAreLeak() {
    DraftVerdict verdict = inspect(reply("""
        our policy: we NEVER mention the internal discount code spring staff 40, sorry."""));

    assertThat(verdict.reason()).isEqualTo(DraftReviewReason.INSTRUCTIONS_LEAK);
    assertThat(verdict.detail()).isEqualTo("8 consecutive words of the instructions");
  }

  @Test
  void leakAcrossLineBreaksIsFound() {
    DraftVerdict verdict = inspect(reply("""
        Offer a refund only
        for orders that
        arrived within the last 30 days."""));

    assertThat(verdict.code()).isEqualTo("instructions_leak");
  }

  @Test
  void sevenInstructionWordsAreOk() {
    DraftVerdict verdict = inspect(reply("""
        we offer a refund only for orders that we can trace, so please send a photo."""));

    assertThat(verdict.isOk()).isTrue();
  }

  @Test
  void leakPhraseIsLeak() {
    DraftVerdict verdict = inspect(reply("Sure! My system prompt tells me to be friendly."));

    assertThat(verdict.code()).isEqualTo("instructions_leak");
    assertThat(verdict.detail()).isEqualTo("phrase \"system prompt\"");
  }

  @Test
  void germanLeakPhraseIsLeak() {
    DraftVerdict verdict = inspect(reply("Meine Anweisungen lauten: freundlich bleiben und nichts verraten."));

    assertThat(verdict.code()).isEqualTo("instructions_leak");
    assertThat(verdict.detail()).isEqualTo("phrase \"meine anweisungen\"");
  }

  @Test
  void followMyInstructionsGoesToReview() {
    // Known false positive of the phrase list, kept because a leak costs more than a review.
    DraftVerdict verdict = inspect(reply("please follow my instructions below to reset the router."));

    assertThat(verdict.code()).isEqualTo("instructions_leak");
  }

  @Test
  void signatureRepeatedInInstructionsIsNoLeak() {
    String signature = "Anna Keller, customer care team lead at Shop A, Berlin and Hamburg";
    WorkerSettings settings = new WorkerSettings("shop-a/support", List.of("help@shop-a.example"),
        "s", "p", "l", "(default)", "m", 512, "friendly", "send",
        "Always sign as Anna Keller, customer care team lead at Shop A, Berlin and Hamburg.",
        signature, "");
    DraftInspector signed = new DraftInspector(settings);

    DraftVerdict verdict = signed.inspect("18f0a1",
        "Hello Jonas,\n\nyour parcel is on its way.\n\n" + signature, CUSTOMER);

    assertThat(verdict.isOk()).isTrue();
  }

  @Test
  void foreignLinkIsFlagged() {
    DraftVerdict verdict = inspect(reply("please confirm your card at https://pay.evil.example/confirm today."));

    assertThat(verdict.reason()).isEqualTo(DraftReviewReason.FOREIGN_LINK);
    assertThat(verdict.detail()).isEqualTo("host pay.evil.example");
  }

  @Test
  void lookalikeHostIsForeign() {
    DraftVerdict verdict = inspect(reply("reset it at https://shop-a.example.evil.example/reset please."));

    assertThat(verdict.detail()).isEqualTo("host shop-a.example.evil.example");
  }

  @Test
  void wwwLinkWithoutSchemeIsChecked() {
    DraftVerdict verdict = inspect(reply("you can find cheaper parts on www.other-shop.example today."));

    assertThat(verdict.detail()).isEqualTo("host www.other-shop.example");
  }

  @Test
  void subdomainOfAllowedHostIsOk() {
    DraftVerdict verdict = inspect(reply("track the parcel at https://track.shop-a.example/p/1234 and tell us."));

    assertThat(verdict.isOk()).isTrue();
  }

  @Test
  void unicodeHostMatchesPunycode() {
    WorkerSettings settings = new WorkerSettings("shop-b/support", List.of("hilfe@bücher.example"),
        "s", "p", "l", "(default)", "m", 512, "friendly", "send", "", "", "");
    DraftInspector umlaut = new DraftInspector(settings);

    DraftVerdict verdict = umlaut.inspect("18f0b1",
        "Hallo Jonas, das Formular ist unter https://xn--bcher-kva.example/rueckgabe zu finden.", CUSTOMER);

    assertThat(verdict.isOk()).isTrue();
  }

  @Test
  void emptyReplyIsFlagged() {
    assertThat(inspect("").code()).isEqualTo("empty_reply");
    assertThat(inspect(null).code()).isEqualTo("empty_reply");
    assertThat(inspect("   \n ").code()).isEqualTo("empty_reply");
  }

  @Test
  void signatureOnlyReplyIsEmpty() {
    DraftVerdict verdict = inspect("Hi!\n\n" + SafetyFixtures.SIGNATURE);

    assertThat(verdict.reason()).isEqualTo(DraftReviewReason.EMPTY_REPLY);
  }

  @Test
  void emptyCheckRunsFirst() {
    assertThat(inspect("boss@evil.example").code()).isEqualTo("empty_reply");
  }

  @Test
  void leakWinsOverForeignAddress() {
    DraftVerdict verdict = inspect(reply("my instructions say to copy boss@evil.example."));

    assertThat(verdict.code()).isEqualTo("instructions_leak");
  }

  @Test
  void addressWinsOverLink() {
    DraftVerdict verdict = inspect(reply("write to boss@evil.example or see https://evil.example/x today."));

    assertThat(verdict.code()).isEqualTo("foreign_address");
  }

  @Test
  void customWindowLength() {
    DraftInspector strict = new DraftInspector(SafetyFixtures.settings(), 4, 5);

    DraftVerdict verdict = strict.inspect("18f0a1", "Hello, the warehouse in Leipzig is closed.", CUSTOMER);

    assertThat(verdict.code()).isEqualTo("instructions_leak");
  }

  @Test
  void invalidLimitsAreRejected() {
    assertThatThrownBy(() -> new DraftInspector(SafetyFixtures.settings(), 1, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("windowWords must be at least 2");
    assertThatThrownBy(() -> new DraftInspector(SafetyFixtures.settings(), 8, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minReplyChars must be at least 1");
  }

  @Test
  void verdictWithoutReasonHasNoDetail() {
    assertThatThrownBy(() -> new DraftVerdict(null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
