package dev.autoreply.worker.drafting;

import com.google.genai.Client;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.Part;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts replies with Gemini on Vertex AI through google-genai. Each attempt runs inside the
 * circuit breaker, and the retry repeats attempts that failed transiently.
 */
public final class GeminiDrafter implements ReplyDrafter {

  private static final Logger log = LoggerFactory.getLogger(GeminiDrafter.class);

  /** Low temperature, because support replies should follow the instructions closely. */
  public static final float DEFAULT_TEMPERATURE = 0.3f;

  private final Client client;
  private final PromptBuilder prompts;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;
  private final float temperature;

  /** Creates a drafter with the default prompt builder, retry, circuit breaker and temperature. */
  public GeminiDrafter(Client client) {
    this(client, new PromptBuilder(), GeminiResilience.defaultRetry(),
        GeminiResilience.circuitBreaker(), DEFAULT_TEMPERATURE);
  }

  public GeminiDrafter(Client client, PromptBuilder prompts, Retry retry,
      CircuitBreaker circuitBreaker, float temperature) {
    this.client = Objects.requireNonNull(client, "client");
    this.prompts = Objects.requireNonNull(prompts, "prompts");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    this.temperature = temperature;
  }

  @Override
  public DraftedReply draft(DraftRequest request) {
    String model = request.settings().model();
    Prompt prompt = prompts.build(request);
    GenerateContentConfig config = GenerateContentConfig.builder()
        .systemInstruction(Content.fromParts(Part.fromText(prompt.systemInstruction())))
        .maxOutputTokens(request.settings().maxOutputTokens())
        .temperature(temperature)
        .candidateCount(1)
        .build();
    List<Content> contents = List.of(
        Content.builder().role("user").parts(Part.fromText(prompt.userContent())).build());

    GenerateContentResponse response = callWithRetry(request, () ->
        client.models.generateContent(model, contents, config));
    return toReply(request, model, response);
  }

  private GenerateContentResponse callWithRetry(
      DraftRequest request, java.util.function.Supplier<GenerateContentResponse> call) {
    String tenant = request.settings().tenant();
    Retry.Context<GenerateContentResponse> context = retry.context();
    int attempt = 1;
    while (true) {
      try {
        GenerateContentResponse response = circuitBreaker.executeSupplier(call);
        context.onComplete();
        return response;
      } catch (CallNotPermittedException e) {
        log.warn("Gemini circuit breaker is open; no call for message {} of tenant {}",
            request.messageId(), tenant);
        throw new DraftFailedException("Gemini calls are paused after repeated failures "
            + "(circuit breaker open); retry message " + request.messageId() + " later", true, e);
      } catch (RuntimeException e) {
        retryOrThrow(context, e, request, attempt);
        attempt++;
      }
    }
  }

  /** Sleeps before the next attempt, or throws when e is not retried or attempts ran out. */
  private void retryOrThrow(Retry.Context<GenerateContentResponse> context, RuntimeException e,
      DraftRequest request, int attempt) {
    String tenant = request.settings().tenant();
    try {
      context.onRuntimeError(e);
    } catch (RuntimeException last) {
      boolean transientFailure = GeminiResilience.isTransient(last);
      log.warn("Gemini call failed for message {} of tenant {} after {} attempt(s): {}",
          request.messageId(), tenant, attempt, last.toString());
      throw new DraftFailedException("Gemini generateContent failed for message "
          + request.messageId() + " of tenant " + tenant + " after " + attempt + " attempt(s): "
          + last.getMessage(), transientFailure, last);
    }
    log.warn("Gemini call for message {} of tenant {} failed on attempt {}, retrying: {}",
        request.messageId(), tenant, attempt, e.toString());
  }

  private static DraftedReply toReply(
      DraftRequest request, String model, GenerateContentResponse response) {
    Optional<String> blockReason = ResponseChecks.blockReason(response);
    if (blockReason.isPresent()) {
      log.warn("Gemini returned no usable reply for message {} of tenant {}: {}",
          request.messageId(), request.settings().tenant(), blockReason.get());
      throw new DraftBlockedException(blockReason.get(), "Gemini returned no usable reply for "
          + "message " + request.messageId() + ": " + blockReason.get() + "; send it to review");
    }
    Optional<GenerateContentResponseUsageMetadata> usage = response.usageMetadata();
    int promptTokens = usage.flatMap(GenerateContentResponseUsageMetadata::promptTokenCount)
        .orElse(0);
    int outputTokens = usage.flatMap(GenerateContentResponseUsageMetadata::candidatesTokenCount)
        .orElse(0);
    log.info("Drafted reply to message {} of tenant {} with {} ({} prompt, {} output tokens)",
        request.messageId(), request.settings().tenant(), model, promptTokens, outputTokens);
    return new DraftedReply(response.text().strip(), model, promptTokens, outputTokens);
  }

  /** Checks that tell a usable response from a blocked or empty one. */
  static final class ResponseChecks {

    private ResponseChecks() {
    }

    /** Returns a reason code such as "finish_safety" when the response has no usable reply. */
    static Optional<String> blockReason(GenerateContentResponse response) {
      Optional<String> promptBlock = response.promptFeedback()
          .flatMap(feedback -> feedback.blockReason())
          .map(reason -> "prompt_blocked_" + reason.toString().toLowerCase(Locale.ROOT));
      if (promptBlock.isPresent()) {
        return promptBlock;
      }
      List<Candidate> candidates = response.candidates().orElse(List.of());
      if (candidates.isEmpty()) {
        return Optional.of("no_candidates");
      }
      Optional<String> finish = candidates.get(0).finishReason()
          .map(reason -> reason.toString())
          .filter(reason -> !reason.equals("STOP"))
          .map(reason -> "finish_" + reason.toLowerCase(Locale.ROOT));
      if (finish.isPresent()) {
        return finish;
      }
      String text = response.text();
      if (text == null || text.isBlank()) {
        return Optional.of("empty_text");
      }
      return Optional.empty();
    }
  }
}
