package dev.autoreply.worker.testing;

import com.google.cloud.firestore.Firestore;
import dev.autoreply.worker.ledger.FirestoreFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Node.js Firestore emulator of {@code worker/src/test/firestore-emulator} on
 * 127.0.0.1 and a free port. Register it with {@code @RegisterExtension static} to share one
 * emulator per test class, or call {@link #start()} and {@link #close()} directly.
 */
public final class FirestoreEmulator implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FirestoreEmulator.class);

  static final String NODE_MISSING =
      "Node.js 18+ is required for the Firestore emulator tests; install it and re-run";
  private static final long READY_TIMEOUT_SECONDS = 30;
  private static final long NPM_CI_TIMEOUT_SECONDS = 300;
  private static final String READY_PREFIX = "READY firestore-emulator ";

  private Process process;
  private String hostAndPort;

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /**
   * Installs the emulator's npm packages if node_modules is missing, starts it and waits until
   * it listens.
   *
   * @throws IllegalStateException if Node.js is missing, npm ci fails or the emulator does not
   *     start within 30 seconds
   */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    Path folder = emulatorFolder();
    requireNode();
    installPackages(folder);
    int port = freePort();
    process = launch(folder, port);
    awaitReady(port);
    hostAndPort = "127.0.0.1:" + port;
    log.info("Firestore emulator started on {}", hostAndPort);
  }

  /** Returns "127.0.0.1:PORT" of the running emulator. */
  public synchronized String hostAndPort() {
    if (hostAndPort == null) {
      throw new IllegalStateException("the Firestore emulator is not started; call start() first");
    }
    return hostAndPort;
  }

  /** Builds a client of this emulator; each project id has its own empty data. */
  public Firestore firestore(String projectId) {
    return FirestoreFactory.emulator(projectId, "(default)", hostAndPort());
  }

  /** Stops the emulator process; it also exits by itself when its stdin closes. */
  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    log.info("Firestore emulator on {} stopped", hostAndPort);
    process = null;
    hostAndPort = null;
  }

  /** The folder is found from the repository root that Surefire passes, else the module dir. */
  static Path emulatorFolder() {
    String repository = System.getProperty("autoreply.repo.dir");
    Path folder = repository != null
        ? Path.of(repository, "worker", "src", "test", "firestore-emulator")
        : Path.of("src", "test", "firestore-emulator");
    if (!Files.isRegularFile(folder.resolve("server.mjs"))) {
      throw new IllegalStateException("Firestore emulator folder not found: " + folder.toAbsolutePath()
          + " has no server.mjs; run the tests from the repository with Maven");
    }
    return folder;
  }

  private static void requireNode() {
    String version;
    try {
      version = runForOutput(List.of("node", "--version"), Path.of("."), 30).strip();
    } catch (IllegalStateException | UncheckedIOException e) {
      throw new IllegalStateException(NODE_MISSING, e);
    }
    int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
    if (major < 18) {
      throw new IllegalStateException(NODE_MISSING + " (found " + version + ")");
    }
  }

  private static void installPackages(Path folder) {
    if (Files.isDirectory(folder.resolve("node_modules/@firestore-emulator/server"))) {
      return;
    }
    log.info("Installing the Firestore emulator with npm ci in {}", folder);
    runForOutput(List.of("npm", "ci", "--no-audit", "--no-fund"), folder, NPM_CI_TIMEOUT_SECONDS);
  }

  private static String runForOutput(List<String> command, Path folder, long timeoutSeconds) {
    try {
      Process child = new ProcessBuilder(command)
          .directory(folder.toFile())
          .redirectErrorStream(true)
          .start();
      child.getOutputStream().close();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(child));
      if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " timed out after " + timeoutSeconds + " s in " + folder);
      }
      String text = output.get(10, TimeUnit.SECONDS);
      if (child.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
            + child.exitValue() + " in " + folder + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the output of " + command, e);
    }
  }

  private static String readAll(Process child) {
    try {
      return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }

  private static Process launch(Path folder, int port) {
    try {
      return new ProcessBuilder("node", "server.mjs", Integer.toString(port))
          .directory(folder.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      throw new IllegalStateException(NODE_MISSING, e);
    }
  }

  private void awaitReady(int port) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Process started = process;
    Thread reader = new Thread(() -> forwardOutput(started, ready), "firestore-emulator-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      close();
      throw new IllegalStateException("the Firestore emulator did not start on 127.0.0.1:" + port
          + " within " + READY_TIMEOUT_SECONDS + " s; see its output above", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting the Firestore emulator", e);
    }
  }

  private static void forwardOutput(Process started, CompletableFuture<Void> ready) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(READY_PREFIX)) {
          ready.complete(null);
        }
        log.debug("firestore emulator: {}", line);
      }
      ready.completeExceptionally(new IllegalStateException("the emulator exited"));
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
  }
}
