package dev.autoreply.worker.gmail;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds Gmail API clients that send requests to one root URL with caller-provided credentials.
 * Production uses {@link #PRODUCTION_ROOT_URL}; tests pass the URL of a local fake server.
 */
public final class GmailClientFactory {

  public static final String PRODUCTION_ROOT_URL = Gmail.DEFAULT_ROOT_URL;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  static {
    // NetHttpTransport uses HttpURLConnection, which by default sends a POST a second time when
    // the connection drops before the response. messages.send is not idempotent, so that resend
    // would mail the customer twice; the pipeline's thread check handles the lost response.
    System.setProperty("sun.net.http.retryPost", "false");
  }

  private final String rootUrl;
  private final String applicationName;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final NetHttpTransport transport = new NetHttpTransport();

  /**
   * Creates a factory for clients of the Gmail API at {@code rootUrl}.
   *
   * @param rootUrl scheme, host, port and a trailing slash, e.g. {@code http://127.0.0.1:8080/}
   * @param applicationName sent in the User-Agent header
   */
  public GmailClientFactory(
      String rootUrl, String applicationName, Duration connectTimeout, Duration readTimeout) {
    this.rootUrl = requireTrailingSlash(Objects.requireNonNull(rootUrl, "rootUrl"));
    this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
    this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
    this.readTimeout = requirePositive(readTimeout, "readTimeout");
  }

  /** Creates a factory for https://gmail.googleapis.com/ with the default timeouts. */
  public static GmailClientFactory production(String applicationName) {
    return new GmailClientFactory(
        PRODUCTION_ROOT_URL, applicationName, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  /** Creates a Gmail client that authorizes every request with {@code credentials}. */
  public Gmail create(GoogleCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return new Gmail.Builder(transport, GsonFactory.getDefaultInstance(), initializer(credentials))
        .setRootUrl(rootUrl)
        .setApplicationName(applicationName)
        .build();
  }

  public String rootUrl() {
    return rootUrl;
  }

  private HttpRequestInitializer initializer(GoogleCredentials credentials) {
    HttpCredentialsAdapter adapter = new HttpCredentialsAdapter(credentials);
    return request -> {
      adapter.initialize(request);
      request.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
      request.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
      // GmailCallGuard owns retries, so the HTTP client must not retry on its own.
      request.setNumberOfRetries(0);
    };
  }

  private static String requireTrailingSlash(String rootUrl) {
    if (!rootUrl.endsWith("/")) {
      throw new IllegalArgumentException(
          "Gmail root URL must end with '/', got '" + rootUrl + "'");
    }
    return rootUrl;
  }

  private static Duration requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
