package dev.autoreply.operator;

import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.operator.assembly.OperatorAssembly;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.render.ManifestRenderer;
import dev.autoreply.operator.schedule.ScaleCommand;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Command line of the autoreply operator: {@code run} against a cluster, {@code render} offline. */
@Command(name = "autoreply-operator", mixinStandardHelpOptions = true,
    description = "Reconciles each AutoReplyTenant, with the RegionPolicy it names, "
        + "into a worker fleet.",
    subcommands = {OperatorMain.Run.class, OperatorMain.Render.class, ScaleCommand.class})
public final class OperatorMain implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new OperatorMain()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run or render");
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Start the operator against the cluster of the current kube context, or "
          + "of the pod's service account in a cluster. Stops on SIGTERM.")
  static final class Run implements Callable<Integer> {

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", split = ",",
        description = "Namespace to watch for AutoReplyTenants, repeatable or comma-separated. "
            + "Default: all namespaces.")
    private List<String> namespaces = new ArrayList<>();

    @Option(names = "--worker-image", paramLabel = "IMAGE",
        description = "Worker image for tenants whose spec and RegionPolicy name none. "
            + "Default: ${DEFAULT-VALUE}.")
    private String workerImage = OperatorDefaults.DEFAULT_WORKER_IMAGE;

    @Option(names = "--leader-election",
        description = "Reconcile only while holding the Lease " + OperatorAssembly.LEASE_NAME
            + ", so that several replicas can run with one active.")
    private boolean leaderElection;

    @Option(names = "--lease-namespace", paramLabel = "NAMESPACE",
        description = "Namespace of the leader election Lease. "
            + "Default: the POD_NAMESPACE environment variable.")
    private String leaseNamespace;

    @Option(names = {"--http-port", "--health-port"}, paramLabel = "PORT",
        description = "TCP port of /healthz, /startup and /metrics, or 0 for a free port. "
            + "Default: ${DEFAULT-VALUE}.")
    private int httpPort = 8080;

    @Option(names = "--http-address", paramLabel = "ADDRESS",
        description = "Address the HTTP endpoints bind to. Default: ${DEFAULT-VALUE}.")
    private String httpAddress = "0.0.0.0";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      String lease = null;
      if (leaderElection) {
        lease = leaseNamespace != null ? leaseNamespace : System.getenv("POD_NAMESPACE");
        if (lease == null || lease.isBlank()) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--leader-election needs "
              + "the namespace of the Lease: set POD_NAMESPACE or pass --lease-namespace");
        }
      }
      OperatorProcess.Settings settings = new OperatorProcess.Settings(
          new LinkedHashSet<>(namespaces), OperatorDefaults.withWorkerImage(workerImage), lease,
          leaseIdentity(), new InetSocketAddress(httpAddress, httpPort));

      KubernetesClient client = new KubernetesClientBuilder().build();
      OperatorProcess process = OperatorProcess.start(client, settings);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        LOG.info("Shutdown requested");
        process.close();
        client.close();
        stopped.countDown();
      }, "operator-shutdown"));
      // The operator runs on its own threads. On SIGTERM the JVM runs the shutdown hook above.
      stopped.await();
      return 0;
    }

    List<String> namespaces() {
      return namespaces;
    }

    boolean leaderElection() {
      return leaderElection;
    }

    /** Pod name in a cluster, where HOSTNAME is set to it, else a random id. */
    private static String leaseIdentity() {
      String hostname = System.getenv("HOSTNAME");
      return hostname == null || hostname.isBlank() ? "autoreply-operator-" + UUID.randomUUID()
          : hostname;
    }
  }

  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "Print the objects and status the operator would create for the "
          + "AutoReplyTenants in the given YAML files, without a cluster.")
  static final class Render implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_FOLDER",
        description = "YAML files, or folders of .yaml and .yml files, with AutoReplyTenants "
            + "and the RegionPolicies they name. Multi-document files are allowed.")
    private List<Path> paths;

    @Option(names = "--worker-image", paramLabel = "IMAGE",
        description = "Worker image for tenants whose spec and RegionPolicy name none. "
            + "Default: ${DEFAULT-VALUE}.")
    private String workerImage = OperatorDefaults.DEFAULT_WORKER_IMAGE;

    @Option(names = "--settings-dir", paramLabel = "DIR",
        description = "Also write each tenant's worker settings file, as its ConfigMap contains it, "
            + "to DIR/NAMESPACE/NAME/worker.yaml.")
    private Path settingsDir;

    /** namespace/name, each a lower-case DNS-1123 name. */
    private static final String NAMESPACED_NAME =
        "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?/[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      ManifestRenderer renderer =
          new ManifestRenderer(OperatorDefaults.withWorkerImage(workerImage), Clock.systemUTC());
      ManifestRenderer.Result result;
      try {
        result = renderer.render(paths);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return 1;
      }
      spec.commandLine().getOut().print(result.yaml());
      spec.commandLine().getOut().flush();
      if (settingsDir != null) {
        try {
          writeSettings(result.workerSettings());
        } catch (IllegalArgumentException | IOException e) {
          spec.commandLine().getErr().println("error: cannot write worker settings: " + e.getMessage());
          return 1;
        }
      }
      for (String error : result.errors()) {
        spec.commandLine().getErr().println("error: " + error);
      }
      if (result.errors().isEmpty() && result.workerSettings().isEmpty()) {
        spec.commandLine().getErr().println("error: no AutoReplyTenant found in " + paths
            + "; pass the YAML files or folders of the tenants and their RegionPolicy");
        return 1;
      }
      return result.errors().isEmpty() ? 0 : 1;
    }

    private void writeSettings(Map<String, String> settingsByTenant) throws IOException {
      for (Map.Entry<String, String> entry : settingsByTenant.entrySet()) {
        // Namespace and name come from the input files, so they must not climb out of the folder.
        if (!entry.getKey().matches(NAMESPACED_NAME)) {
          throw new IllegalArgumentException("tenant " + entry.getKey() + " has an invalid namespace"
              + " or name; use lower-case DNS names such as acme/acme-support");
        }
        Path folder = settingsDir.resolve(entry.getKey());
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(WorkerSettingsFile.SETTINGS_KEY), entry.getValue());
      }
    }
  }
}
