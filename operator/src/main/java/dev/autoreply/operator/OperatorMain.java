package dev.autoreply.operator;

import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.operator.assembly.OperatorAssembly;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.render.ManifestRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    subcommands = {OperatorMain.Run.class, OperatorMain.Render.class})
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
      description = "Start the operator against the cluster of the current kube context.")
  static final class Run implements Callable<Integer> {

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
        description = "Namespace to watch for AutoReplyTenants, repeatable. "
            + "Default: all namespaces.")
    private List<String> namespaces = new ArrayList<>();

    @Option(names = "--worker-image", paramLabel = "IMAGE",
        description = "Worker image for tenants whose spec and RegionPolicy name none. "
            + "Default: ${DEFAULT-VALUE}.")
    private String workerImage = OperatorDefaults.DEFAULT_WORKER_IMAGE;

    @Option(names = "--health-port", paramLabel = "PORT",
        description = "TCP port of the GET /healthz endpoint, or 0 for none. "
            + "Default: ${DEFAULT-VALUE}.")
    private int healthPort = 0;

    @Override
    public Integer call() throws Exception {
      KubernetesClient client = new KubernetesClientBuilder().build();
      Operator operator = OperatorAssembly.create(client,
          OperatorDefaults.withWorkerImage(workerImage), new LinkedHashSet<>(namespaces),
          configuration -> { });
      operator.installShutdownHook(Duration.ofSeconds(30));
      operator.start();
      LOG.info("Operator started against {}, watching {}", client.getMasterUrl(),
          namespaces.isEmpty() ? "all namespaces" : "namespaces " + namespaces);
      if (healthPort > 0) {
        HealthEndpoint.start(healthPort, operator);
        LOG.info("Health endpoint listening on port {} at /healthz", healthPort);
      }
      // The operator runs on its own threads, and the shutdown hook stops it on SIGTERM.
      new CountDownLatch(1).await();
      return 0;
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
        description = "Also write each tenant's worker settings file, as its ConfigMap holds it, "
            + "to DIR/NAMESPACE/NAME/worker.yaml.")
    private Path settingsDir;

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
        writeSettings(result.workerSettings());
      }
      for (String error : result.errors()) {
        spec.commandLine().getErr().println("error: " + error);
      }
      return result.errors().isEmpty() ? 0 : 1;
    }

    private void writeSettings(Map<String, String> settingsByTenant) throws IOException {
      for (Map.Entry<String, String> entry : settingsByTenant.entrySet()) {
        Path folder = settingsDir.resolve(entry.getKey());
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(WorkerSettingsFile.SETTINGS_KEY), entry.getValue());
      }
    }
  }
}
