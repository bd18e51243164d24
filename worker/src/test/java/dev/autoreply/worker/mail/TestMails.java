package dev.autoreply.worker.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builders for hand-written test messages. */
final class TestMails {

  private TestMails() {}

  /** Returns {@code lines} joined with CRLF as UTF-8 bytes, one blank line separating header and body. */
  static byte[] message(String... lines) {
    return String.join("\r\n", lines).concat("\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Returns a plain text message from {@code from} with {@code extraHeaders} before the body. */
  static byte[] plainMessage(String from, String... extraHeaders) {
    StringBuilder text = new StringBuilder();
    if (from != null) {
      text.append("From: ").append(from).append("\r\n");
    }
    text.append("To: support@example.com\r\n");
    text.append("Subject: Order 1234 arrived damaged\r\n");
    text.append("Message-ID: <order-1234@customer.example>\r\n");
    for (String header : extraHeaders) {
      text.append(header).append("\r\n");
    }
    text.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
    text.append("The box was crushed. Can you send a replacement?\r\n");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads a sample message from the test resources folder {@code mail/}. */
  static byte[] resource(String name) {
    try (InputStream in = TestMails.class.getResourceAsStream("/mail/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Test resource mail/" + name + " not found");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
