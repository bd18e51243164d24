package dev.autoreply.worker.drafting;

import dev.autoreply.api.settings.WorkerSettings;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts replies from the tenant's {@code template} without any model or cloud account, for
 * demos and for tenants that want a fixed acknowledgement. It fills in {name} (the sender's
 * name, or "there"), {subject} and {signature}, and uses {@link #DEFAULT_TEMPLATE}
 * when the template is empty.
 *
 * <p>It does not read or answer the content of the mail: every sender gets the same text
 * except for the filled-in fields. Token counts are 0.
 */
public final class OfflineDrafter implements ReplyDrafter {

  /** Model name reported in {@link DraftedReply#model()}. */
  public static final String MODEL = "offline-template";

  public static final String DEFAULT_TEMPLATE = """
      Hello {name},

      thank you for your message about "{subject}". We have received it and will answer \
      as soon as we can.

      {signature}""";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(name|subject|signature)}");

  @Override
  public DraftedReply draft(DraftRequest request) {
    WorkerSettings settings = request.settings();
    String template = isBlank(settings.template()) ? DEFAULT_TEMPLATE : settings.template();
    String name = isBlank(request.senderName()) ? "there" : request.senderName().strip();
    String subject = isBlank(request.subject()) ? "your request" : request.subject().strip();
    String signature = isBlank(settings.signature()) ? "" : settings.signature().strip();
    Map<String, String> values = Map.of("name", name, "subject", subject, "signature", signature);
    // One pass, so a placeholder inside a sender's name or subject is not filled in again.
    String text = PLACEHOLDER.matcher(template)
        .replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))))
        .strip();
    return new DraftedReply(text, MODEL, 0, 0);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
