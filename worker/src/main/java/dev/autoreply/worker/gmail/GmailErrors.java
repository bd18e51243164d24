package dev.autoreply.worker.gmail;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Classifies failed Gmail calls into transient and permanent ones and reads Retry-After. */
final class GmailErrors {

  /** Reasons with which Gmail rejects a request with 403 for quota, see Gmail's error guide. */
  private static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");

  private GmailErrors() {
  }

  /** Returns true for 429, 403 rate-limit reasons, 5xx and I/O errors without an HTTP status. */
  static boolean isTransient(Throwable error) {
    if (error instanceof HttpResponseException response) {
      int status = response.getStatusCode();
      return status >= 500 || isRateLimited(response);
    }
    return error instanceof IOException;
  }

  /**
   * Returns true only where Gmail cannot have processed the request: it rejected it for quota,
   * or no connection was opened. A 5xx or a read timeout after messages.send may come after the
   * message went out, so retrying it could send the reply twice.
   */
  static boolean isSafeToRepeatSend(Throwable error) {
    if (error instanceof HttpResponseException response) {
      return isRateLimited(response);
    }
    return error instanceof ConnectException
        || error instanceof UnknownHostException
        || error instanceof NoRouteToHostException;
  }

  static boolean isStatus(Throwable error, int status) {
    return error instanceof HttpResponseException response && response.getStatusCode() == status;
  }

  /** Returns the wait that the Retry-After header of a failed response requests, if any. */
  static Optional<Duration> retryAfter(Throwable error, Clock clock) {
    if (!(error instanceof HttpResponseException response) || response.getHeaders() == null) {
      return Optional.empty();
    }
    String value = response.getHeaders().getFirstHeaderStringValue("Retry-After");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return parseRetryAfter(value.trim(), clock);
  }

  /** Describes an error for logs by status and reason, without response bodies. */
  static String describe(Throwable error) {
    if (error instanceof HttpResponseException response) {
      String reason = firstReason(response);
      return "HTTP " + response.getStatusCode() + (reason == null ? "" : " " + reason);
    }
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  private static boolean isRateLimited(HttpResponseException response) {
    int status = response.getStatusCode();
    return status == 429 || (status == 403 && RATE_LIMIT_REASONS.contains(firstReason(response)));
  }

  private static String firstReason(HttpResponseException response) {
    if (!(response instanceof GoogleJsonResponseException json) || json.getDetails() == null) {
      return null;
    }
    List<GoogleJsonError.ErrorInfo> errors = json.getDetails().getErrors();
    return errors == null || errors.isEmpty() ? null : errors.get(0).getReason();
  }

  // RFC 9110 section 10.2.3: Retry-After is either delay-seconds or an HTTP-date.
  private static Optional<Duration> parseRetryAfter(String value, Clock clock) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
