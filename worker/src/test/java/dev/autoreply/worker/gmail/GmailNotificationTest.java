package dev.autoreply.worker.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GmailNotificationTest {

  @Test
  void parseReadsStringHistoryId() {
    GmailNotification notification =
        parse("{\"emailAddress\":\"Support@Example.com\",\"historyId\":\"9876543210\"}");

    assertThat(notification.emailAddress()).isEqualTo("support@example.com");
    assertThat(notification.historyId()).isEqualTo(new BigInteger("9876543210"));
  }

  @Test
  void parseReadsNumericUint64HistoryId() {
    GmailNotification notification =
        parse("{\"emailAddress\":\"a@example.com\",\"historyId\":18446744073709551615}");

    assertThat(notification.historyId()).isEqualTo(new BigInteger("18446744073709551615"));
  }

  @Test
  void parseRejectsMissingHistoryId() {
    assertThatThrownBy(() -> parse("{\"emailAddress\":\"a@example.com\"}"))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("invalid Gmail notification: missing historyId in"
            + " {\"emailAddress\":\"a@example.com\"}");
  }

  @Test
  void parseRejectsNonNumericHistoryId() {
    assertThatThrownBy(() -> parse("{\"emailAddress\":\"a@example.com\",\"historyId\":\"abc\"}"))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("invalid Gmail notification: historyId \"abc\" is not a non-negative integer");
  }

  @Test
  void parseRejectsNegativeHistoryId() {
    assertThatThrownBy(() -> parse("{\"emailAddress\":\"a@example.com\",\"historyId\":-5}"))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("invalid Gmail notification: historyId -5 is not a non-negative integer");
  }

  @Test
  void parseRejectsNotJson() {
    assertThatThrownBy(() -> parse("hello"))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("invalid Gmail notification: payload is not JSON: 'hello'");
  }

  @Test
  void parseRejectsJsonArray() {
    assertThatThrownBy(() -> parse("[1]"))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("invalid Gmail notification: expected a JSON object, got '[1]'");
  }

  @Test
  void parseRejectsEmptyPayload() {
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("invalid Gmail notification: expected a JSON object, got ''");
  }

  @Test
  void parseRejectsMissingEmailAddress() {
    assertThatThrownBy(() -> parse("{\"historyId\":\"1\"}"))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("invalid Gmail notification: missing emailAddress in {\"historyId\":\"1\"}");
  }

  @Test
  void parseRejectsNonAddressEmail() {
    assertThatThrownBy(() -> parse("{\"emailAddress\":42,\"historyId\":\"1\"}"))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("invalid Gmail notification: emailAddress 42 is not an email address");
  }

  private static GmailNotification parse(String json) {
    return GmailNotification.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
