package dev.autoreply.worker.drafting;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import java.time.Duration;
import java.util.Objects;

/** Builds google-genai clients in Vertex AI mode. */
public final class GeminiClients {

  private GeminiClients() {
  }

  /**
   * Builds a Vertex AI client. Requests go to {@code
   * {baseUrl}/v1beta1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent}
   * (google-genai 2.6.0); without a base URL the library picks the regional Vertex AI endpoint.
   *
   * <p>The library's own retry is turned off (one attempt), because {@link GeminiDrafter}
   * retries with resilience4j and stacked retries would multiply the attempts.
   *
   * @param credentials explicit credentials, so the client never looks up default credentials
   * @param baseUrl endpoint override, for example a test server; null for the Google endpoint
   * @param timeout timeout of one HTTP request
   */
  public static Client vertex(String project, String location, GoogleCredentials credentials,
      String baseUrl, Duration timeout) {
    HttpOptions.Builder http = HttpOptions.builder()
        .timeout(Math.toIntExact(timeout.toMillis()))
        .retryOptions(HttpRetryOptions.builder().attempts(1).build());
    if (baseUrl != null) {
      http.baseUrl(baseUrl);
    }
    return Client.builder()
        .vertexAI(true)
        .project(Objects.requireNonNull(project, "project"))
        .location(Objects.requireNonNull(location, "location"))
        .credentials(Objects.requireNonNull(credentials, "credentials"))
        .httpOptions(http.build())
        .build();
  }
}
