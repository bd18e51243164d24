package dev.autoreply.api.settings;

import java.util.List;
import java.util.Set;

/** Checks a parsed settings file, so a worker never runs on a value it would misread. */
final class WorkerSettingsCheck {

  private static final Set<String> MODES = Set.of("send", "draft", "shadow");
  private static final Set<String> MODEL_UNAVAILABLE_ACTIONS = Set.of("defer", "acknowledge");

  private WorkerSettingsCheck() {
  }

  static void check(WorkerSettings settings) {
    requireText("tenant", settings.tenant());
    requireMailboxes(settings.mailboxes());
    requireText("subscription", settings.subscription());
    requireText("projectId", settings.projectId());
    requireText("model", settings.model());
    requireOneOf("mode", settings.mode(), MODES);
    requireOneOf("whenModelUnavailable", settings.whenModelUnavailable(), MODEL_UNAVAILABLE_ACTIONS);
    if (settings.maxOutputTokens() < 16 || settings.maxOutputTokens() > 8192) {
      fail("maxOutputTokens is " + settings.maxOutputTokens() + "; expected 16 to 8192");
    }
  }

  private static void requireMailboxes(List<String> mailboxes) {
    if (mailboxes.isEmpty()) {
      fail("mailboxes is empty; expected at least one mailbox address");
    }
    for (String mailbox : mailboxes) {
      if (mailbox == null || !mailbox.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        fail("mailboxes has \"" + mailbox + "\"; expected an address such as support@example.com");
      }
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      fail(field + " is missing");
    }
  }

  private static void requireOneOf(String field, String value, Set<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      fail(field + " is " + (value == null ? "missing" : "\"" + value + "\"") + "; expected one of "
          + allowed.stream().sorted().toList());
    }
  }

  private static void fail(String problem) {
    throw new IllegalArgumentException("invalid worker settings: " + problem + WorkerSettingsFile.RENDER_HINT);
  }
}
