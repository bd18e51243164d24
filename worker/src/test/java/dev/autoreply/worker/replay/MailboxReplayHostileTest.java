package dev.autoreply.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.worker.testing.RenderedPod;
import dev.autoreply.worker.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken files in a replayed mailbox: each gets a decision with a reason. */
class MailboxReplayHostileTest {

  @TempDir
  Path temp;

  private WorkerSettings settings;
  private Path mailbox;

  @BeforeEach
  void renderSettings() throws IOException {
    RenderedPod pod = RenderedPod.render(RepositoryFiles.sampleTenant(),
        RepositoryFiles.sampleRegionPolicy(), Map.of(), temp.resolve("pod"));
    settings = WorkerSettingsFile.read(pod.option("--settings"));
    mailbox = Files.createDirectories(temp.resolve("mailbox"));
  }

  @Test
  void loopHeadersAfterManyFieldsGoToReview() throws IOException {
    StringBuilder mail = new StringBuilder();
    for (int i = 0; i < 1200; i++) {
      mail.append("X-Junk-").append(i).append(": filler\r\n");
    }
    mail.append("From: bot@vendor.example\r\nTo: support@acme.example\r\nSubject: ping\r\n")
        .append("Auto-Submitted: auto-replied\r\nList-Id: <bots.vendor.example>\r\n\r\nHello\r\n");
    write("many-headers.eml", mail.toString());

    Map<String, String> decisions = replay();

    assertThat(decisions).containsEntry("many-headers.eml", "review undecodable");
  }

  @Test
  void malformedSenderGoesToReview() throws IOException {
    write("bad-sender.eml", """
        From: john smith@customer.example\r
        To: support@acme.example\r
        Subject: Where is my parcel?\r
        Message-ID: <bad-sender-1@customer.example>\r
        \r
        My parcel has not arrived yet. Can you check order 10482?\r
        """);

    Map<String, String> decisions = replay();

    assertThat(decisions.get("bad-sender.eml")).isIn("review invalid_recipient", "skipped no_sender");
    assertThat(Files.exists(temp.resolve("replies/bad-sender.reply.eml"))).isFalse();
  }

  @Test
  void unreadableEntriesGetReasons() throws IOException {
    Files.createDirectories(mailbox.resolve("folder.eml"));
    write("UPPER.EML", """
        From: Ana <ana@example.org>\r
        To: support@acme.example\r
        Subject: Opening hours\r
        Message-ID: <upper-1@example.org>\r
        \r
        When are you open on Saturdays?\r
        """);
    write("notes.txt", "not a mail");

    Map<String, String> decisions = replay();

    assertThat(decisions).containsEntry("folder.eml", "failed unreadable_is_a_folder");
    assertThat(decisions).containsEntry("UPPER.EML", "replied sent");
    assertThat(decisions).doesNotContainKey("notes.txt");
    assertThat(MailboxReplay.ignoredFiles(mailbox)).containsExactly(mailbox.resolve("notes.txt"));
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(mailbox.resolve(name), content, StandardCharsets.UTF_8);
  }

  private Map<String, String> replay() throws IOException {
    List<ReplayedMail> results = new MailboxReplay(settings, temp.resolve("replies")).replay(mailbox);
    Map<String, String> decisions = new LinkedHashMap<>();
    for (ReplayedMail result : results) {
      decisions.put(result.source().getFileName().toString(),
          result.processed().outcome().labelValue() + " " + result.processed().reason());
    }
    return decisions;
  }
}
