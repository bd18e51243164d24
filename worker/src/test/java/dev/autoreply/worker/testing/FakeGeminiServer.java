package dev.autoreply.worker.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Stand-in for the Vertex AI generateContent endpoint on 127.0.0.1 and a free port. It records
 * every request and answers with canned JSON in the REST shape of generateContent.
 */
public final class FakeGeminiServer implements AutoCloseable {

  /** One request as received. */
  public record RecordedRequest(String method, String path, String body) {
  }

  private final HttpServer server;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<Integer> failures = new ArrayDeque<>();
  /** HTTP status of every response during an outage, or 0 without an outage. */
  private volatile int outageStatus;
  private volatile Function<String, String> responder = body -> textResponse("ok", 1, 1);
  private volatile Duration responseDelay = Duration.ZERO;
  // Requests run in parallel so that a response delay models the model's latency per request.
  private final ExecutorService executor = Executors.newCachedThreadPool();

  public FakeGeminiServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake Gemini server on 127.0.0.1", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Returns the base URL to pass to the client, e.g. "http://127.0.0.1:PORT". */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers every later request with a candidate of {@code text} and the given token counts. */
  public void replyWith(String text, int promptTokens, int outputTokens) {
    responder = body -> textResponse(text, promptTokens, outputTokens);
  }

  /** Answers every later request with the JSON that {@code function} builds from the body. */
  public void replyWith(Function<String, String> function) {
    responder = function;
  }

  /** Answers the next {@code count} requests with HTTP {@code status} before the responder. */
  public synchronized void failNext(int count, int status) {
    for (int i = 0; i < count; i++) {
      failures.add(status);
    }
  }

  /**
   * Answers every later request with HTTP {@code status} until {@link #recover()}, as a model
   * outage does; failures queued by {@link #failNext} come first.
   */
  public void failAll(int status) {
    outageStatus = status;
  }

  /** Ends the outage that {@link #failAll} started. */
  public void recover() {
    outageStatus = 0;
  }

  /** Answers with an empty candidates list, as Vertex AI does for a blocked prompt. */
  public void replyWithNoCandidates() {
    responder = body -> """
        {"candidates": [], "promptFeedback": {"blockReason": "SAFETY"},
         "usageMetadata": {"promptTokenCount": 12, "totalTokenCount": 12}}""";
  }

  /** Answers with a candidate that stopped for safety and has no text. */
  public void replyWithSafetyStop() {
    responder = body -> """
        {"candidates": [{"finishReason": "SAFETY", "index": 0}],
         "usageMetadata": {"promptTokenCount": 12, "totalTokenCount": 12}}""";
  }

  /** Delays every later response by {@code delay}, e.g. to model the model's generation time. */
  public void delayResponses(Duration delay) {
    responseDelay = delay;
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Builds a generateContent response JSON with one STOP candidate of {@code text}. */
  public static String textResponse(String text, int promptTokens, int outputTokens) {
    return """
        {"candidates": [{"content": {"role": "model", "parts": [{"text": %s}]},
                         "finishReason": "STOP", "index": 0}],
         "usageMetadata": {"promptTokenCount": %d, "candidatesTokenCount": %d,
                           "totalTokenCount": %d},
         "modelVersion": "fake-gemini"}"""
        .formatted(jsonString(text), promptTokens, outputTokens, promptTokens + outputTokens);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new RecordedRequest(
        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
    Integer failure = nextFailure();
    if (failure != null) {
      send(exchange, failure, """
          {"error": {"code": %d, "message": "fake failure", "status": "UNAVAILABLE"}}"""
          .formatted(failure));
      return;
    }
    if (!exchange.getRequestURI().getPath().endsWith(":generateContent")) {
      send(exchange, 404, """
          {"error": {"code": 404, "message": "only generateContent is faked", "status": "NOT_FOUND"}}""");
      return;
    }
    Duration delay = responseDelay;
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    send(exchange, 200, responder.apply(body));
  }

  private synchronized Integer nextFailure() {
    Integer queued = failures.poll();
    if (queued != null) {
      return queued;
    }
    return outageStatus == 0 ? null : outageStatus;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
