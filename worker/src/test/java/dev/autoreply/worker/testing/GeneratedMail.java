package dev.autoreply.worker.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic support mail for load and chaos tests: either a customer question that the worker
 * must answer, or a mail that the loop-safety filter must skip (auto-reply, list mail, bulk mail,
 * no-reply sender, bounce sender). Each mail has its own sender and thread, so the per-sender
 * reply limit never applies.
 */
public record GeneratedMail(int index, String mailbox, String threadId, String messageIdHeader,
    boolean replyable, String kind, byte[] raw) {

  /** Kinds of skippable mail, each matching one loop-safety rule. */
  private static final List<String> SKIP_KINDS =
      List.of("auto-submitted", "list-id", "precedence-bulk", "noreply-sender", "mailer-daemon");

  /**
   * Generates {@code count} mails spread over {@code mailboxes}; a share of {@code replyableShare}
   * of them, chosen with {@code random}, are customer questions.
   */
  public static List<GeneratedMail> generate(int count, List<String> mailboxes, double replyableShare,
      Random random, String runId) {
    List<GeneratedMail> mails = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String mailbox = mailboxes.get(i % mailboxes.size());
      boolean replyable = random.nextDouble() < replyableShare;
      String kind = replyable ? "question" : SKIP_KINDS.get(random.nextInt(SKIP_KINDS.size()));
      String threadId = "thread-" + runId + "-" + i;
      String messageId = "<mail-" + runId + "-" + i + "@customers.example>";
      mails.add(new GeneratedMail(i, mailbox, threadId, messageId, replyable, kind,
          rfc822(i, mailbox, kind, messageId)));
    }
    return mails;
  }

  private static byte[] rfc822(int index, String mailbox, String kind, String messageId) {
    String from = switch (kind) {
      case "noreply-sender" -> "Shop <noreply-" + index + "@shop.example>";
      case "mailer-daemon" -> "Mail Delivery System <MAILER-DAEMON@mx" + index + ".example>";
      default -> "Customer " + index + " <customer-" + index + "@customers.example>";
    };
    StringBuilder headers = new StringBuilder()
        .append("From: ").append(from).append("\r\n")
        .append("To: ").append(mailbox).append("\r\n")
        .append("Subject: Question about order ").append(10_000 + index).append("\r\n")
        .append("Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n")
        .append("Message-ID: ").append(messageId).append("\r\n")
        .append("MIME-Version: 1.0\r\n")
        .append("Content-Type: text/plain; charset=UTF-8\r\n");
    switch (kind) {
      case "auto-submitted" -> headers.append("Auto-Submitted: auto-replied\r\n");
      case "list-id" -> headers.append("List-Id: <news.lists.example>\r\n");
      case "precedence-bulk" -> headers.append("Precedence: bulk\r\n");
      default -> { }
    }
    String body = "Hello,\r\n\r\nmy order " + (10_000 + index) + " has not arrived yet."
        + " Could you tell me when it ships?\r\n\r\nThanks\r\n";
    return (headers + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }
}
