package dev.autoreply.worker.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A worker started as a child JVM with {@code WorkerMain run}, on the test's own classpath, so a
 * test can kill it with {@link #kill()} the way Kubernetes kills a pod (SIGKILL, no shutdown hook).
 * The child's stdout and stderr go to {@code logFile}.
 */
public final class WorkerProcess implements AutoCloseable {

  private static final String MAIN_CLASS = "dev.autoreply.worker.WorkerMain";

  private final Process process;
  private final Path logFile;

  private WorkerProcess(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code WorkerMain} with {@code runArgs}: the subcommand "run" and its options, e.g. the
   * rendered pod arguments (which start with "run") followed by the endpoint overrides.
   */
  public static WorkerProcess start(List<String> runArgs, Path logFile) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(testClasspath());
    command.add(MAIN_CLASS);
    command.addAll(runArgs);
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
    return new WorkerProcess(process, logFile);
  }

  /**
   * Returns the classpath of the running tests. Surefire starts its fork from a manifest-only
   * jar, so java.class.path names only that jar there; surefire.test.class.path has the entries.
   */
  public static String testClasspath() {
    String surefire = System.getProperty("surefire.test.class.path");
    if (surefire != null && !surefire.isBlank()) {
      return surefire;
    }
    return System.getProperty("java.class.path");
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /** Kills the JVM at once (SIGKILL on Linux) and waits up to 10 s for it to end. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("worker process " + process.pid() + " still runs 10 s after SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
