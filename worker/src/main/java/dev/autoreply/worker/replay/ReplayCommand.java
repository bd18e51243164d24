package dev.autoreply.worker.replay;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Replays a folder of .eml files through the pipeline offline and prints each decision. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {
        "Pass a folder of .eml files through the reply pipeline without any cloud service.",
        "Replies are drafted from the tenant's template (no model) and written as .eml files."})
public final class ReplayCommand implements Callable<Integer> {

  @Option(names = "--settings", required = true,
      description = "Worker settings file, as the operator renders it into the tenant's ConfigMap.")
  Path settings;

  @Option(names = "--mailbox", required = true, description = "Folder of .eml files to replay.")
  Path mailbox;

  @Option(names = "--out", required = true, description = "Folder for the drafted replies.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    WorkerSettings tenant = WorkerSettingsFile.read(settings);
    List<ReplayedMail> results = new MailboxReplay(tenant, out).replay(mailbox);

    PrintWriter output = spec.commandLine().getOut();
    output.printf("Replayed %d mails to %s of tenant %s (mode %s)%n%n",
        results.size(), tenant.mailboxes().get(0), tenant.tenant(), tenant.mode());
    for (ReplayedMail result : results) {
      output.printf("%-32s %-9s %-22s %s%n",
          result.source().getFileName(),
          result.processed().outcome().labelValue(),
          result.processed().reason(),
          result.reply() == null ? "" : "-> " + result.reply());
    }
    List<Path> ignored = MailboxReplay.ignoredFiles(mailbox);
    if (!ignored.isEmpty()) {
      output.printf("%nNot replayed, because their names do not end with .eml: %s%n",
          ignored.stream().map(path -> path.getFileName().toString()).toList());
    }
    output.printf("%n%s%n", summary(results));
    output.flush();
    return 0;
  }

  private static String summary(List<ReplayedMail> results) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ReplayedMail result : results) {
      counts.merge(result.processed().outcome().labelValue(), 1, Integer::sum);
    }
    return "Outcomes: " + counts;
  }
}
