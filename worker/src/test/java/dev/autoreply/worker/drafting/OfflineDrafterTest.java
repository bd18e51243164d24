package dev.autoreply.worker.drafting;

import static dev.autoreply.worker.drafting.DraftingFixtures.request;
import static dev.autoreply.worker.drafting.DraftingFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfflineDrafterTest {

  @Test
  void defaultTemplateExactOutput() {
    DraftedReply reply = new OfflineDrafter().draft(request(settings(), "any body"));

    assertThat(reply.text()).isEqualTo("""
        Hello Jonas Weber,

        thank you for your message about "Order 1234 arrived broken". We have received it \
        and will answer as soon as we can.

        Anna, Shop A support""");
    assertThat(reply.model()).isEqualTo("offline-template");
    assertThat(reply.promptTokens()).isZero();
    assertThat(reply.outputTokens()).isZero();
  }

  @Test
  void tenantTemplateIsFilled() {
    var settings = settings("-- Shop A", "", "Hi {name}! Re: {subject}. {signature}");

    DraftedReply reply = new OfflineDrafter().draft(request(settings, "body"));

    assertThat(reply.text()).isEqualTo("Hi Jonas Weber! Re: Order 1234 arrived broken. -- Shop A");
  }

  @Test
  void missingNameSubjectAndSignatureGetDefaults() {
    DraftRequest request = new DraftRequest(settings("", "", ""), "18f0a1", "", "a@example.org",
        "", "body", "");

    DraftedReply reply = new OfflineDrafter().draft(request);

    assertThat(reply.text()).isEqualTo("""
        Hello there,

        thank you for your message about "your request". We have received it \
        and will answer as soon as we can.""");
  }

  @Test
  void placeholdersInSenderFieldsAreNotFilled() {
    var settings = settings("SIG", "", "{name} / {subject}");
    DraftRequest request = new DraftRequest(settings, "18f0a1", "{signature}", "a@example.org",
        "$1 {name}", "body", "");

    DraftedReply reply = new OfflineDrafter().draft(request);

    assertThat(reply.text()).isEqualTo("{signature} / $1 {name}");
  }
}
