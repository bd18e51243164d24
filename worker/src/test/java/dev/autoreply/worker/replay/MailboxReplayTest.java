package dev.autoreply.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.worker.mail.InboundMail;
import dev.autoreply.worker.mail.MailParser;
import dev.autoreply.worker.testing.RenderedPod;
import dev.autoreply.worker.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README demo: the sample mailbox replayed with the settings the operator renders for the
 * sample tenant gives the decisions listed in the mailbox's EXPECTED.tsv.
 */
class MailboxReplayTest {

  @TempDir
  Path temp;

  private WorkerSettings settings;
  private Map<String, ReplayedMail> results;

  @BeforeEach
  void replaySampleMailbox() throws IOException {
    RenderedPod pod = RenderedPod.render(RepositoryFiles.sampleTenant(),
        RepositoryFiles.sampleRegionPolicy(), Map.of(), temp.resolve("pod"));
    settings = WorkerSettingsFile.read(pod.option("--settings"));

    List<ReplayedMail> replayed = new MailboxReplay(settings, temp.resolve("replies"))
        .replay(RepositoryFiles.sampleMailbox());

    results = new LinkedHashMap<>();
    replayed.forEach(result -> results.put(result.source().getFileName().toString(), result));
  }

  @Test
  void decisionsMatchExpectedTable() throws IOException {
    List<String> rows = Files.readAllLines(RepositoryFiles.sampleMailbox().resolve("EXPECTED.tsv"));
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] columns = row.split("\t");
      expected.put(columns[0], columns[1] + " " + columns[2]);
      ReplayedMail result = results.get(columns[0]);
      actual.put(columns[0], result == null ? "missing"
          : decision(result) + " " + (decision(result).equals("reply") ? "-" : result.processed().reason()));
    }

    assertThat(actual).containsExactlyEntriesOf(expected);
    assertThat(results.keySet()).containsExactlyElementsOf(expected.keySet());
  }

  @Test
  void replyIsThreadedToTheOrderQuestion() throws IOException {
    InboundMail reply = parseReply("01-order-question.eml");

    assertThat(reply.to()).containsExactly("maria.lopez@example.net");
    assertThat(reply.from()).isEqualTo("support@acme.example");
    assertThat(reply.subject()).isEqualTo("Re: Where is my order 10482?");
    assertThat(reply.inReplyTo()).isEqualTo("<20261201093012.4411@mail.example.net>");
    assertThat(reply.references()).containsExactly("<20261201093012.4411@mail.example.net>");
    assertThat(reply.header("Auto-Submitted")).isEqualTo("auto-replied");
    assertThat(reply.bodyText()).startsWith("Hello Maria Lopez,\n");
    assertThat(reply.bodyText()).contains("The Acme support team");
  }

  @Test
  void followUpKeepsReferencesAndSubject() throws IOException {
    InboundMail reply = parseReply("03-follow-up-in-thread.eml");

    assertThat(reply.subject()).isEqualTo("Re: Where is my order 10482?");
    assertThat(reply.inReplyTo()).isEqualTo("<20261202081544.5120@mail.example.net>");
    assertThat(reply.references()).containsExactly(
        "<20261201093012.4411@mail.example.net>",
        "<reply-7f3a91@acme.example>",
        "<20261202081544.5120@mail.example.net>");
  }

  @Test
  void encodedNamesAndSubjectsAreDecoded() throws IOException {
    InboundMail german = parseReply("02-german-return.eml");
    InboundMail japanese = parseReply("10-japanese-question.eml");

    assertThat(german.subject()).isEqualTo("Re: Rücksendung Gartenschere");
    assertThat(german.bodyText()).startsWith("Hello Jürgen Müller,\n");
    assertThat(japanese.subject()).isEqualTo("Re: 替え刃について");
    assertThat(japanese.bodyText()).startsWith("Hello 佐藤,\n");
  }

  @Test
  void skippedMailWritesNoReply() {
    assertThat(results.get("04-out-of-office.eml").reply()).isNull();
    assertThat(results.get("05-bounce.eml").reply()).isNull();
    assertThat(results.get("08-photo-only.eml").reply()).isNull();
  }

  private static String decision(ReplayedMail result) {
    return switch (result.processed().outcome()) {
      case REPLIED -> "reply";
      case SKIPPED -> "skip";
      case REVIEW -> "review";
      default -> result.processed().outcome().labelValue();
    };
  }

  private InboundMail parseReply(String file) throws IOException {
    Path reply = results.get(file).reply();
    assertThat(reply).as("reply file of " + file).isNotNull();
    return new MailParser().parse(Files.readAllBytes(reply));
  }
}
