package dev.autoreply.worker.runtime;

import dev.autoreply.api.settings.WorkerSettingsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the worker until the process receives a termination signal. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Pull Gmail push notifications from Pub/Sub and reply to the tenant's mail.")
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--settings", defaultValue = WorkerSettingsFile.SETTINGS_DIR + "/" + WorkerSettingsFile.SETTINGS_KEY,
      description = "Worker settings file rendered by the operator (default: ${DEFAULT-VALUE}).")
  Path settings;

  @Option(names = "--credentials", defaultValue = WorkerSettingsFile.CREDENTIALS_DIR,
      description = "Folder of the tenant's Secret, with the key credentials.json (default: ${DEFAULT-VALUE}).")
  Path credentials;

  @Option(names = "--gmail-root-url", defaultValue = "${env:AUTOREPLY_GMAIL_ROOT_URL:-https://gmail.googleapis.com/}",
      description = "Root URL of the Gmail API, ending with / (default: ${DEFAULT-VALUE}).")
  String gmailRootUrl;

  @Option(names = "--pubsub-endpoint", defaultValue = "${env:AUTOREPLY_PUBSUB_ENDPOINT}",
      description = "host:port of a plaintext Pub/Sub endpoint such as an emulator; Google's when unset.")
  String pubsubEndpoint;

  @Option(names = "--firestore-emulator-host", defaultValue = "${env:FIRESTORE_EMULATOR_HOST}",
      description = "host:port of a Firestore emulator; Firestore when unset.")
  String firestoreEmulatorHost;

  @Option(names = "--vertex-base-url", defaultValue = "${env:AUTOREPLY_VERTEX_BASE_URL}",
      description = "Base URL of Vertex AI; the location's endpoint when unset.")
  String vertexBaseUrl;

  @Option(names = "--google-credentials", defaultValue = "${env:AUTOREPLY_GOOGLE_CREDENTIALS}",
      description = "Credentials file for Vertex AI and Pub/Sub; Application Default Credentials when unset.")
  Path googleCredentials;

  @Option(names = "--claim-ttl", defaultValue = "PT10M",
      description = "ISO-8601 duration after which a claim of a worker that died may be taken over"
          + " by another; longer than one mail's processing (default: ${DEFAULT-VALUE}).")
  Duration claimTtl;

  @Option(names = "--admin-port", defaultValue = "8080",
      description = "Port of /metrics and /healthz (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Override
  public Integer call() throws Exception {
    WorkerRuntime runtime = createRuntime();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.close();
      stopped.countDown();
    }, "autoreply-shutdown"));

    runtime.start();
    stopped.await();
    LOG.info("worker exited");
    return 0;
  }

  /** Builds the worker these options describe, without starting it. */
  public WorkerRuntime createRuntime() throws IOException {
    return createRuntime(RuntimeTuning.PRODUCTION);
  }

  /** Builds the worker these options describe with the given timing, without starting it. */
  WorkerRuntime createRuntime(RuntimeTuning tuning) throws IOException {
    WorkerEndpoints endpoints = new WorkerEndpoints(gmailRootUrl, pubsubEndpoint,
        firestoreEmulatorHost, vertexBaseUrl, googleCredentials, adminPort, claimTtl);
    return WorkerRuntime.create(settings, credentials, endpoints, tuning);
  }
}
