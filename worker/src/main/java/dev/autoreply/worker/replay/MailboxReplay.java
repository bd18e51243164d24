package dev.autoreply.worker.replay;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.worker.customers.CustomerLookup;
import dev.autoreply.worker.drafting.OfflineDrafter;
import dev.autoreply.worker.ledger.InMemoryLedger;
import dev.autoreply.worker.observability.MessageOutcome;
import dev.autoreply.worker.observability.WorkerMetrics;
import dev.autoreply.worker.pipeline.DraftPlanner;
import dev.autoreply.worker.pipeline.IncomingMessage;
import dev.autoreply.worker.pipeline.ProcessedMessage;
import dev.autoreply.worker.pipeline.ReplyWorkflow;
import dev.autoreply.worker.safety.InMemoryReplyLimit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Passes a folder of .eml files through the reply pipeline with no cloud service: the offline
 * drafter fills the tenant's template, the ledger and the reply limit live in memory and replies
 * are written to files. Each file is one mail delivered to the tenant's first mailbox, in its own thread.
 */
public final class MailboxReplay {

  private final WorkerSettings settings;
  private final Path outputFolder;

  public MailboxReplay(WorkerSettings settings, Path outputFolder) {
    this.settings = settings;
    this.outputFolder = outputFolder;
  }

  /** Processes every .eml file of {@code mailboxFolder} in name order and returns the decisions. */
  public List<ReplayedMail> replay(Path mailboxFolder) throws IOException {
    EmlFolderTransport transport = new EmlFolderTransport(outputFolder);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReplyWorkflow workflow = new ReplyWorkflow(settings, new InMemoryLedger(),
        new DraftPlanner(settings, CustomerLookup.NONE, registry), new OfflineDrafter(), transport,
        new InMemoryReplyLimit(), new WorkerMetrics(registry, settings.tenant()), Clock.systemUTC());

    List<ReplayedMail> results = new ArrayList<>();
    for (Path file : mailFiles(mailboxFolder)) {
      String thread = baseName(file);
      byte[] raw;
      try {
        raw = Files.readAllBytes(file);
      } catch (IOException e) {
        results.add(new ReplayedMail(file, unreadable(file, e), null));
        continue;
      }
      IncomingMessage message = new IncomingMessage(settings.mailboxes().get(0),
          file.getFileName().toString(), thread, raw, Clock.systemUTC().instant());

      ProcessedMessage processed = workflow.process(message);

      Path written = processed.reply() == null ? null
          : transport.pathOf(thread, "draft".equals(settings.mode()));
      results.add(new ReplayedMail(file, processed, written != null && Files.exists(written) ? written : null));
    }
    return results;
  }

  /** Returns the files whose name ends with .eml in any case; other files are not mail. */
  static List<Path> mailFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException("mailbox folder " + folder + " not found: pass a folder of .eml files");
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(MailboxReplay::isMailFile).sorted().toList();
    }
  }

  /** Returns the files of {@code folder} that are not replayed because they are not .eml files. */
  static List<Path> ignoredFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> !isMailFile(file)).sorted().toList();
    }
  }

  private static boolean isMailFile(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml");
  }

  private static ProcessedMessage unreadable(Path file, IOException error) {
    String reason = error instanceof AccessDeniedException ? "unreadable_permission_denied"
        : Files.isDirectory(file) ? "unreadable_is_a_folder" : "unreadable_file";
    return new ProcessedMessage(file.getFileName().toString(), MessageOutcome.FAILED, reason, null);
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".eml".length());
  }
}
