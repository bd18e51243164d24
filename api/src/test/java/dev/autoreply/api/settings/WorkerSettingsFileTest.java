package dev.autoreply.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerSettingsFileTest {

  private static final WorkerSettings VALID = new WorkerSettings("acme/acme-support",
      List.of("support@acme.example"), "projects/acme-prod/subscriptions/gmail-push", "acme-prod",
      "europe-west1", "(default)", "gemini-2.5-flash", 800, "friendly", "send",
      "Answer questions about orders.", "The Acme team", null);

  @Test
  void writtenSettingsReadBack() {
    assertThat(WorkerSettingsFile.parse(WorkerSettingsFile.write(VALID))).isEqualTo(VALID);
  }

  @Test
  void unknownModeIsRejected() {
    String yaml = WorkerSettingsFile.write(VALID).replace("mode: send", "mode: yolo");

    assertThatThrownBy(() -> WorkerSettingsFile.parse(yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid worker settings: mode is \"yolo\"; expected one of [draft, send, shadow]");
  }

  @Test
  void missingModeIsRejected() {
    String yaml = WorkerSettingsFile.write(VALID).replace("mode: send", "mdoe: draft");

    assertThatThrownBy(() -> WorkerSettingsFile.parse(yaml))
        .hasMessageStartingWith("invalid worker settings: mode is missing");
  }

  @Test
  void emptyMailboxesAreRejected() {
    String yaml = WorkerSettingsFile.write(VALID).replace("- support@acme.example", "").replace("mailboxes:", "mailboxes: []");

    assertThatThrownBy(() -> WorkerSettingsFile.parse(yaml))
        .hasMessageStartingWith("invalid worker settings: mailboxes is empty; expected at least one mailbox address");
  }

  @Test
  void emptyFileIsRejected() {
    assertThatThrownBy(() -> WorkerSettingsFile.parse(""))
        .hasMessageStartingWith("invalid worker settings: the file is empty");
  }
}
