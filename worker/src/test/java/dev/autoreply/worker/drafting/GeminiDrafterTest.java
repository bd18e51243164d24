package dev.autoreply.worker.drafting;

import static dev.autoreply.worker.drafting.DraftingFixtures.request;
import static dev.autoreply.worker.drafting.DraftingFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import dev.autoreply.worker.testing.FakeGeminiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeminiDrafterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GENERATE_PATH = "/v1beta1/projects/demo-project/locations/"
      + "europe-west1/publishers/google/models/gemini-2.5-flash:generateContent";

  private FakeGeminiServer server;
  private Client client;
  private GeminiDrafter drafter;

  @BeforeEach
  void start() {
    server = new FakeGeminiServer();
    // A token valid for a century, so the client never asks a Google token endpoint for one.
    GoogleCredentials credentials = GoogleCredentials.create(new AccessToken(
        "test", Date.from(Instant.now().plus(Duration.ofDays(36500)))));
    client = GeminiClients.vertex("demo-project", "europe-west1", credentials, server.baseUrl(),
        Duration.ofSeconds(10));
    drafter = new GeminiDrafter(client, new PromptBuilder(),
        GeminiResilience.retry(3, Duration.ofMillis(10)), GeminiResilience.circuitBreaker(), 0.3f);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void replyTextAndTokenCounts() {
    server.replyWith("Hallo Jonas,\nwir senden Ersatz.\n", 321, 45);

    DraftedReply reply = drafter.draft(request(settings(), "Der Becher ist kaputt."));

    assertThat(reply).isEqualTo(
        new DraftedReply("Hallo Jonas,\nwir senden Ersatz.", "gemini-2.5-flash", 321, 45));
  }

  @Test
  void requestCarriesPromptAndSettings() throws Exception {
    server.replyWith("ok", 1, 1);

    drafter.draft(request(settings(), "Der Becher ist kaputt. Grüße"));

    assertThat(server.requests()).hasSize(1);
    FakeGeminiServer.RecordedRequest recorded = server.requests().get(0);
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.path()).isEqualTo(GENERATE_PATH);
    JsonNode body = JSON.readTree(recorded.body());
    assertThat(body.at("/systemInstruction/parts/0/text").asText())
        .isEqualTo(new PromptBuilder().build(request(settings(), "x")).systemInstruction());
    assertThat(body.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(512);
    assertThat(body.at("/generationConfig/temperature").asDouble()).isEqualTo(0.3, within());
    assertThat(body.at("/contents/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/contents/0/parts/0/text").asText())
        .contains("Der Becher ist kaputt. Grüße");
  }

  @Test
  void unavailableIsRetried() {
    server.failNext(1, 503);
    server.replyWith("second try", 5, 2);

    DraftedReply reply = drafter.draft(request(settings(), "body"));

    assertThat(reply.text()).isEqualTo("second try");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void tooManyRequestsIsRetried() {
    server.failNext(2, 429);
    server.replyWith("third try", 5, 2);

    assertThat(drafter.draft(request(settings(), "body")).text()).isEqualTo("third try");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void retriesStopAfterMaxAttempts() {
    server.failNext(5, 503);

    assertThatThrownBy(() -> drafter.draft(request(settings(), "body")))
        .isInstanceOfSatisfying(DraftFailedException.class,
            e -> assertThat(e.transientFailure()).isTrue());
    // The library's own retry is off, so the three attempts of the resilience4j retry are all.
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void badRequestIsNotRetried() {
    server.failNext(1, 400);

    assertThatThrownBy(() -> drafter.draft(request(settings(), "body")))
        .isInstanceOfSatisfying(DraftFailedException.class,
            e -> assertThat(e.transientFailure()).isFalse());
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void noCandidatesRaisesBlocked() {
    server.replyWithNoCandidates();

    assertThatThrownBy(() -> drafter.draft(request(settings(), "body")))
        .isInstanceOfSatisfying(DraftBlockedException.class,
            e -> assertThat(e.reason()).isEqualTo("prompt_blocked_safety"));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void emptyCandidatesWithoutFeedbackRaisesBlocked() {
    server.replyWith(body -> "{\"candidates\": []}");

    assertThatThrownBy(() -> drafter.draft(request(settings(), "body")))
        .isInstanceOfSatisfying(DraftBlockedException.class,
            e -> assertThat(e.reason()).isEqualTo("no_candidates"));
  }

  @Test
  void safetyFinishRaisesBlocked() {
    server.replyWithSafetyStop();

    assertThatThrownBy(() -> drafter.draft(request(settings(), "body")))
        .isInstanceOfSatisfying(DraftBlockedException.class,
            e -> assertThat(e.reason()).isEqualTo("finish_safety"));
  }

  @Test
  void maxTokensFinishRaisesBlocked() {
    server.replyWith(body -> FakeGeminiServer.textResponse("cut off", 3, 512)
        .replace("\"STOP\"", "\"MAX_TOKENS\""));

    assertThatThrownBy(() -> drafter.draft(request(settings(), "body")))
        .isInstanceOfSatisfying(DraftBlockedException.class,
            e -> assertThat(e.reason()).isEqualTo("finish_max_tokens"));
  }

  @Test
  void blankTextRaisesBlocked() {
    server.replyWith("  \n", 3, 0);

    assertThatThrownBy(() -> drafter.draft(request(settings(), "body")))
        .isInstanceOfSatisfying(DraftBlockedException.class,
            e -> assertThat(e.reason()).isEqualTo("empty_text"));
  }

  @Test
  void replyCanDependOnRequest() {
    server.replyWith(body -> FakeGeminiServer.textResponse(
        body.contains("Becher") ? "about the mug" : "other", 1, 1));

    assertThat(drafter.draft(request(settings(), "Der Becher")).text()).isEqualTo("about the mug");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
