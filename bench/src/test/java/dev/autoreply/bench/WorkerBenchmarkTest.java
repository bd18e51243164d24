package dev.autoreply.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.worker.WorkerMain;
import dev.autoreply.worker.runtime.RunCommand;
import dev.autoreply.worker.runtime.WorkerRuntime;
import dev.autoreply.worker.testing.FakeGeminiServer;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeOAuthTokenServer;
import dev.autoreply.worker.testing.FakePubSubServer;
import dev.autoreply.worker.testing.FirestoreEmulator;
import dev.autoreply.worker.testing.GeneratedMail;
import dev.autoreply.worker.testing.RenderedPod;
import dev.autoreply.worker.testing.RepositoryFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Measures one worker (one replica, in this JVM) against the zero-latency local fakes and the
 * Firestore emulator: the pipeline's overhead per mail, the throughput of a burst, and the
 * latency of a burst with a slow model. Every mail is a customer question on its own thread, and
 * mails alternate between the sample tenant's two mailboxes. Latency is measured from the
 * notification's publish to the moment the fake Gmail stores the reply. Results are printed as
 * lines starting with "BENCH". Runs only with -Pbench.
 *
 * <p>System properties: bench.sequential (default 60), bench.burst (default 300),
 * bench.slowBurst (default 1000), bench.modelDelayMillis (default 2000).
 */
class WorkerBenchmarkTest {

  private static final List<String> MAILBOXES = List.of("support@acme.example", "help@acme.example");

  @TempDir
  Path temp;

  @Test
  void overheadPerMailSequential() throws Exception {
    int count = Integer.getInteger("bench.sequential", 60);
    try (Bench bench = new Bench(temp.resolve("sequential"), Duration.ZERO, "seq")) {
      List<GeneratedMail> mails = bench.mails(count);
      long[] latencies = new long[count];
      for (GeneratedMail mail : mails) {
        long published = bench.publish(mail);
        long sentAt = bench.awaitSent(mail, Duration.ofSeconds(60));
        latencies[mail.index()] = sentAt - published;
        // The pause keeps each mailbox under the worker's Gmail quota (200 units/s), so that no
        // quota wait is counted as overhead.
        Thread.sleep(300);
      }
      report("sequential overhead, " + count + " mails one at a time, zero-latency fakes", latencies);
    }
  }

  @Test
  void burstThroughputZeroLatency() throws Exception {
    int count = Integer.getInteger("bench.burst", 300);
    try (Bench bench = new Bench(temp.resolve("burst"), Duration.ZERO, "burst")) {
      runBurst(bench, count, "burst of " + count + " mails, zero-latency fakes");
    }
  }

  @Test
  void burstLatencySlowModel() throws Exception {
    int count = Integer.getInteger("bench.slowBurst", 1000);
    Duration delay = Duration.ofMillis(Integer.getInteger("bench.modelDelayMillis", 2000));
    try (Bench bench = new Bench(temp.resolve("slow"), delay, "slow")) {
      runBurst(bench, count, "burst of " + count + " mails, model latency " + delay.toMillis() + " ms");
    }
  }

  private static void runBurst(Bench bench, int count, String name) throws Exception {
    List<GeneratedMail> mails = bench.mails(count);
    long[] published = new long[count];
    long start = System.nanoTime();
    for (GeneratedMail mail : mails) {
      published[mail.index()] = bench.publish(mail);
    }
    long[] latencies = new long[count];
    long last = start;
    for (GeneratedMail mail : mails) {
      long sentAt = bench.awaitSent(mail, Duration.ofMinutes(20));
      latencies[mail.index()] = sentAt - published[mail.index()];
      last = Math.max(last, sentAt);
    }
    double seconds = (last - start) / 1e9;
    System.out.printf("BENCH %s: %.2f mails/s (%d mails in %.1f s)%n", name, count / seconds, count, seconds);
    report(name, latencies);
  }

  private static void report(String name, long[] latencyNanos) {
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    System.out.printf("BENCH %s: latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", name,
        percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
  }

  /** Returns the nearest-rank percentile in milliseconds. */
  private static double percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  /** The fakes, a Firestore emulator of its own (so no cursor survives from a run before) and one started worker. */
  private static final class Bench implements AutoCloseable {

    private final FakeGmailServer gmail = FakeGmailServer.start();
    private final FakePubSubServer pubsub = FakePubSubServer.start();
    private final FakeGeminiServer gemini = new FakeGeminiServer();
    private final FakeOAuthTokenServer tokens = new FakeOAuthTokenServer();
    private final FirestoreEmulator firestore = new FirestoreEmulator();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> sentLatches = new ConcurrentHashMap<>();
    private final WorkerSettings settings;
    private final WorkerRuntime worker;
    private final String runId;

    Bench(Path root, Duration modelDelay, String runId) throws Exception {
      this.runId = runId;
      firestore.start();
      gemini.replyWith("Thank you for writing to Acme. We are looking into it.", 120, 14);
      gemini.delayResponses(modelDelay);
      gmail.setDefaultPageSize(100);
      gmail.onSend(sent -> {
        sentAt.putIfAbsent(sent.threadId(), System.nanoTime());
        latch(sent.threadId()).countDown();
      });
      RenderedPod pod = RenderedPod.render(RepositoryFiles.sampleTenant(), RepositoryFiles.sampleRegionPolicy(),
          Map.of(WorkerSettingsFile.CREDENTIALS_KEY, tokens.authorizedUserJson("acme-refresh-token")),
          root.resolve("pod"));
      settings = WorkerSettingsFile.read(pod.option("--settings"));
      Path googleCredentials = Files.writeString(Files.createDirectories(root).resolve("workload.json"),
          tokens.authorizedUserJson("workload-refresh-token"));
      List<String> args = new ArrayList<>(pod.args());
      args.addAll(List.of(
          "--gmail-root-url", gmail.rootUrl(),
          "--pubsub-endpoint", pubsub.hostPort(),
          "--firestore-emulator-host", firestore.hostAndPort(),
          "--vertex-base-url", gemini.baseUrl(),
          "--google-credentials", googleCredentials.toString(),
          "--admin-port", "0"));
      CommandLine.ParseResult parsed = new CommandLine(new WorkerMain()).parseArgs(args.toArray(String[]::new));
      worker = ((RunCommand) parsed.subcommand().commandSpec().userObject()).createRuntime();
      worker.start();
    }

    List<GeneratedMail> mails(int count) {
      return GeneratedMail.generate(count, MAILBOXES, 1.0, new Random(1), runId);
    }

    /** Delivers the mail, publishes its notification and returns the publish time in nanos. */
    long publish(GeneratedMail mail) {
      gmail.deliver(mail.mailbox(), mail.raw(), mail.threadId());
      byte[] notification = ("{\"emailAddress\": \"" + mail.mailbox() + "\", \"historyId\": "
          + gmail.historyId(mail.mailbox()) + "}").getBytes(StandardCharsets.UTF_8);
      long now = System.nanoTime();
      pubsub.publish(settings.subscription(), notification);
      return now;
    }

    long awaitSent(GeneratedMail mail, Duration timeout) throws InterruptedException {
      boolean sent = latch(mail.threadId()).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(sent).as("reply to mail " + mail.index() + " sent within " + timeout).isTrue();
      return sentAt.get(mail.threadId());
    }

    private CountDownLatch latch(String threadId) {
      return sentLatches.computeIfAbsent(threadId, id -> new CountDownLatch(1));
    }

    @Override
    public void close() throws Exception {
      worker.close();
      gmail.close();
      gemini.close();
      tokens.close();
      pubsub.close();
      firestore.close();
    }
  }
}
