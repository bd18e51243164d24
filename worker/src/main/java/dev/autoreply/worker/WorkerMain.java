package dev.autoreply.worker;

import dev.autoreply.worker.replay.ReplayCommand;
import dev.autoreply.worker.runtime.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the worker image. */
@Command(
    name = "autoreply-worker",
    mixinStandardHelpOptions = true,
    version = "autoreply-worker 0.1.0",
    description = "Answers one tenant's support mail with replies drafted by Gemini.",
    subcommands = {RunCommand.class, ReplayCommand.class})
public final class WorkerMain {

  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkerMain()).execute(args));
  }
}
