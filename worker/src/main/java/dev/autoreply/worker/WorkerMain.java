package dev.autoreply.worker;

import dev.autoreply.worker.replay.ReplayCommand;
import dev.autoreply.worker.runtime.RunCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the worker image. */
@Command(
    name = "autoreply-worker",
    mixinStandardHelpOptions = true,
    version = "autoreply-worker 0.1.0",
    description = "Replies to one tenant's support mail with drafts written by Gemini.",
    subcommands = {RunCommand.class, ReplayCommand.class})
public final class WorkerMain {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Builds the command line. Errors in the input (settings, credentials, mailbox folder) print
   * their message, which names the value and the fix, instead of a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new WorkerMain());
    commandLine.setExecutionExceptionHandler((error, command, parsed) -> {
      if (error instanceof IllegalArgumentException || error instanceof IOException
          || error instanceof UncheckedIOException) {
        command.getErr().println("error: " + error.getMessage());
        return 2;
      }
      throw error;
    });
    return commandLine;
  }
}
