package dev.autoreply.worker.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.worker.ledger.FirestoreFactory;
import dev.autoreply.worker.ledger.LedgerEntry;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.ledger.ReplyLedger;
import dev.autoreply.worker.testing.FakeGeminiServer;
import dev.autoreply.worker.testing.FakeGmailServer;
import dev.autoreply.worker.testing.FakeGmailServerSentMessage;
import dev.autoreply.worker.testing.FakeOAuthTokenServer;
import dev.autoreply.worker.testing.FakePubSubServer;
import dev.autoreply.worker.testing.FirestoreEmulator;
import dev.autoreply.worker.testing.GeneratedMail;
import dev.autoreply.worker.testing.RenderedPod;
import dev.autoreply.worker.testing.RepositoryFiles;
import dev.autoreply.worker.testing.WorkerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the worker as a child JVM against the local fakes while mail arrives, and kills it with
 * SIGKILL at random moments (seeded), then starts a new one, until every notification is acked.
 * Every notification is published twice, Gmail's history of one mailbox expires in the middle
 * (history.list returns 404, so the worker resyncs), and some sends are performed by Gmail but
 * their response is lost. Afterwards every mail must have a final ledger state, every customer
 * question exactly one reply in its thread, and every skippable mail no reply.
 *
 * <p>System properties: autoreply.chaos.mails (default 300), autoreply.chaos.seed (default: the
 * clock), autoreply.chaos.kills (default 10), autoreply.chaos.timeoutSeconds (default 300) and
 * autoreply.chaos.logs (folder of the child JVM logs, default a folder under java.io.tmpdir).
 */
class WorkerChaosTest {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerChaosTest.class);
  private static final String SUPPORT = "support@acme.example";
  private static final String HELP = "help@acme.example";
  private static final String MODEL_REPLY = "Thank you for writing to Acme. We are looking into it.";
  private static final Pattern ORIGIN = Pattern.compile("(?im)^X-Autoreply-Origin:\\s*(\\S+)");

  @RegisterExtension
  static final FirestoreEmulator FIRESTORE = new FirestoreEmulator();

  @TempDir
  Path temp;

  @Test
  void killedWorkersAnswerEveryMailOnce() throws Exception {
    int mailCount = Integer.getInteger("autoreply.chaos.mails", 300);
    long seed = Long.getLong("autoreply.chaos.seed", System.nanoTime());
    int maxKills = Integer.getInteger("autoreply.chaos.kills", 10);
    Duration timeout = Duration.ofSeconds(Integer.getInteger("autoreply.chaos.timeoutSeconds", 300));
    Path logs = Path.of(System.getProperty("autoreply.chaos.logs",
        Path.of(System.getProperty("java.io.tmpdir"), "autoreply-chaos-" + seed).toString()));
    Files.createDirectories(logs);
    LOG.info("chaos run: seed {}, {} mails, up to {} kills, worker logs in {}", seed, mailCount, maxKills, logs);
    Random random = new Random(seed);

    try (FakeGmailServer gmail = FakeGmailServer.start();
        FakeGeminiServer gemini = new FakeGeminiServer();
        FakeOAuthTokenServer tokens = new FakeOAuthTokenServer()) {
      FakePubSubServer pubsub = FakePubSubServer.start();
      try {
        gemini.replyWith(MODEL_REPLY, 120, 14);
        gmail.setDefaultPageSize(100);
        RenderedPod pod = RenderedPod.render(RepositoryFiles.sampleTenant(), RepositoryFiles.sampleRegionPolicy(),
            Map.of(WorkerSettingsFile.CREDENTIALS_KEY, tokens.authorizedUserJson("acme-refresh-token")),
            temp.resolve("pod"));
        WorkerSettings settings = WorkerSettingsFile.read(pod.option("--settings"));
        Path googleCredentials = Files.writeString(temp.resolve("workload-identity.json"),
            tokens.authorizedUserJson("workload-refresh-token"));
        List<String> runArgs = new ArrayList<>(pod.args());
        runArgs.addAll(List.of(
            "--gmail-root-url", gmail.rootUrl(),
            "--pubsub-endpoint", pubsub.hostPort(),
            "--firestore-emulator-host", FIRESTORE.hostAndPort(),
            "--vertex-base-url", gemini.baseUrl(),
            "--google-credentials", googleCredentials.toString(),
            "--admin-port", "0",
            // Claims of killed workers must expire within the run; one mail takes milliseconds here.
            "--claim-ttl", "PT15S"));

        List<GeneratedMail> mails = GeneratedMail.generate(mailCount, List.of(SUPPORT, HELP), 0.6,
            new Random(seed), Long.toHexString(seed));
        String[] gmailIds = new String[mailCount];

        ReplyLedger ledger = new ReplyLedger(FirestoreFactory.emulator(
            settings.projectId(), settings.firestoreDatabase(), FIRESTORE.hostAndPort()));
        // A worker that finds no cursor starts at the mailbox's current history id and never lists
        // older mail, so the cursors are stored before any mail arrives, as the first worker would.
        for (String mailbox : List.of(SUPPORT, HELP)) {
          ledger.storeCursor(settings.tenant(), mailbox, gmail.historyId(mailbox));
        }
        ChaosRun run = new ChaosRun(gmail, pubsub, settings.subscription(), mails, gmailIds, random);
        run.execute(runArgs, logs, maxKills, timeout);

        verify(gmail, ledger, settings.tenant(), mails, gmailIds, run, seed, logs);
      } finally {
        pubsub.close();
      }
    }
  }

  private static void verify(FakeGmailServer gmail, ReplyLedger ledger, String tenant,
      List<GeneratedMail> mails, String[] gmailIds, ChaosRun run, long seed, Path logs) {
    Map<String, Integer> repliesPerThread = new HashMap<>();
    Map<String, Integer> repliesPerOrigin = new HashMap<>();
    for (String mailbox : List.of(SUPPORT, HELP)) {
      for (FakeGmailServerSentMessage sent : gmail.sent(mailbox)) {
        repliesPerThread.merge(sent.threadId(), 1, Integer::sum);
        Matcher origin = ORIGIN.matcher(new String(sent.raw(), StandardCharsets.UTF_8));
        repliesPerOrigin.merge(origin.find() ? origin.group(1) : "(none)", 1, Integer::sum);
      }
    }

    List<String> unpublished = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    List<String> notFinal = new ArrayList<>();
    List<String> unanswered = new ArrayList<>();
    List<String> answeredTwice = new ArrayList<>();
    List<String> skippedButAnswered = new ArrayList<>();
    List<String> wrongState = new ArrayList<>();
    for (GeneratedMail mail : mails) {
      String id = gmailIds[mail.index()];
      String label = "#" + mail.index() + " " + mail.kind() + " " + mail.mailbox() + " gmail id " + id;
      if (id == null) {
        unpublished.add(label);
        continue;
      }
      Optional<LedgerEntry> entry = ledger.find(tenant, id);
      int threadReplies = repliesPerThread.getOrDefault(mail.threadId(), 0);
      int originReplies = repliesPerOrigin.getOrDefault(mail.messageIdHeader(), 0);
      if (entry.isEmpty()) {
        lost.add(label);
      } else if (entry.get().state() == LedgerState.CLAIMED) {
        notFinal.add(label + " claimed at " + entry.get().claimedAt());
      }
      if (mail.replyable()) {
        if (threadReplies == 0) {
          unanswered.add(label + " state " + entry.map(LedgerEntry::state).orElse(null));
        } else if (threadReplies > 1 || originReplies > 1) {
          answeredTwice.add(label + ": " + threadReplies + " replies in the thread");
        }
        if (entry.isPresent() && entry.get().state() != LedgerState.SENT
            && entry.get().state() != LedgerState.CLAIMED) {
          wrongState.add(label + " state " + entry.get().state() + " (" + entry.get().reason() + ")");
        }
      } else {
        if (threadReplies > 0) {
          skippedButAnswered.add(label + ": " + threadReplies + " replies");
        }
        if (entry.isPresent() && entry.get().state() != LedgerState.SKIPPED
            && entry.get().state() != LedgerState.CLAIMED) {
          wrongState.add(label + " state " + entry.get().state() + " (" + entry.get().reason() + ")");
        }
      }
    }
    LOG.info("chaos run seed {}: {} kills, {} lost send responses, all notifications acked: {},"
            + " {} mails without ledger entry, {} still claimed, {} questions unanswered,"
            + " {} answered more than once, {} skippable mails answered; logs in {}",
        seed, run.kills(), gmail.lostSendResponseCount(), run.allAcked(), lost.size(), notFinal.size(),
        unanswered.size(), answeredTwice.size(), skippedButAnswered.size(), logs);

    String context = " (seed " + seed + ", worker logs in " + logs + ")";
    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(run.allAcked()).as("every notification acked" + context).isTrue();
    softly.assertThat(unpublished).as("mails the test never delivered" + context).isEmpty();
    softly.assertThat(lost).as("mails without a ledger entry" + context).isEmpty();
    softly.assertThat(notFinal).as("mails left in state claimed" + context).isEmpty();
    softly.assertThat(unanswered).as("customer questions without a reply" + context).isEmpty();
    softly.assertThat(answeredTwice).as("customer questions answered more than once" + context).isEmpty();
    softly.assertThat(skippedButAnswered).as("skippable mails that got a reply" + context).isEmpty();
    softly.assertThat(wrongState).as("mails whose final ledger state is wrong" + context).isEmpty();
    softly.assertAll();
  }

  /** Delivers the mail, publishes each notification twice, and kills and restarts the worker. */
  private static final class ChaosRun {

    private final FakeGmailServer gmail;
    private final FakePubSubServer pubsub;
    private final String subscription;
    private final List<GeneratedMail> mails;
    private final String[] gmailIds;
    private final Random random;
    // The publisher has its own generator, so the kill moments depend on the seed only.
    private final Random publisherRandom;
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicBoolean publishingDone = new AtomicBoolean();
    private int kills;
    private boolean allAcked;

    ChaosRun(FakeGmailServer gmail, FakePubSubServer pubsub, String subscription,
        List<GeneratedMail> mails, String[] gmailIds, Random random) {
      this.gmail = gmail;
      this.pubsub = pubsub;
      this.subscription = subscription;
      this.mails = mails;
      this.gmailIds = gmailIds;
      this.random = random;
      this.publisherRandom = new Random(random.nextLong());
    }

    int kills() {
      return kills;
    }

    boolean allAcked() {
      return allAcked;
    }

    void execute(List<String> runArgs, Path logs, int maxKills, Duration timeout) throws Exception {
      long deadline = System.nanoTime() + timeout.toNanos();
      Thread publisher = new Thread(this::publishAll, "chaos-publisher");
      int generation = 0;
      WorkerProcess worker = WorkerProcess.start(runArgs, logs.resolve("worker-" + generation + ".log"));
      publisher.start();
      try {
        while (System.nanoTime() < deadline) {
          long pauseMillis = 1500 + random.nextInt(4500);
          boolean done = publishingDone.get()
              && pubsub.awaitAcked(2 * mails.size(), Duration.ofMillis(pauseMillis));
          if (done) {
            allAcked = true;
            break;
          }
          if (!publishingDone.get()) {
            Thread.sleep(pauseMillis);
          }
          if (kills >= maxKills) {
            continue;
          }
          worker.kill();
          kills++;
          int released = pubsub.releaseLeases();
          if (generation % 3 == 1) {
            gmail.loseNextSendResponses(1);
          }
          generation++;
          LOG.info("killed worker {} (kill {} of {}), requeued {} notifications, starting worker {}",
              worker.pid(), kills, maxKills, released, generation);
          worker = WorkerProcess.start(runArgs, logs.resolve("worker-" + generation + ".log"));
        }
      } finally {
        publishingDone.set(true);
        publisher.join(10_000);
        worker.close();
      }
    }

    private void publishAll() {
      try {
        for (GeneratedMail mail : mails) {
          if (publishingDone.get()) {
            return;
          }
          if (mail.index() == mails.size() / 2) {
            // Gmail no longer keeps history below the current id: the stored cursor gets a 404.
            gmail.setRetentionFloor(SUPPORT, gmail.historyId(SUPPORT));
            LOG.info("history of {} expired below {}", SUPPORT, gmail.historyId(SUPPORT));
          }
          gmailIds[mail.index()] = gmail.deliver(mail.mailbox(), mail.raw(), mail.threadId());
          byte[] notification = ("{\"emailAddress\": \"" + mail.mailbox() + "\", \"historyId\": "
              + gmail.historyId(mail.mailbox()) + "}").getBytes(StandardCharsets.UTF_8);
          pubsub.publish(subscription, notification);
          pubsub.publish(subscription, notification);
          published.addAndGet(2);
          if (mail.index() % 10 == 9) {
            Thread.sleep(publisherRandom.nextInt(60));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        publishingDone.set(true);
      }
    }
  }
}
