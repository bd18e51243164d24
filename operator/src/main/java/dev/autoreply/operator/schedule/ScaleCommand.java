package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.ScheduleSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code scale} command that each schedule CronJob runs. It only records the boundary on
 * the tenant's {@value ScheduleNames#BOUNDARY_ANNOTATION} annotation, which wakes the operator.
 * The operator then derives the replica bounds from the clock, so this command never touches
 * the Deployment or the HorizontalPodAutoscaler.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = "Record a schedule window boundary on an AutoReplyTenant, so the operator "
        + "applies the window's replica bounds. Run by the tenant's schedule CronJobs.")
public final class ScaleCommand implements Callable<Integer> {

  @Option(names = "--namespace", required = true, paramLabel = "NAMESPACE",
      description = "Namespace of the AutoReplyTenant.")
  String namespace;

  @Option(names = "--tenant", required = true, paramLabel = "NAME",
      description = "Name of the AutoReplyTenant.")
  String tenant;

  @Option(names = "--window", required = true, paramLabel = "WINDOW",
      description = "Name of the window in spec.schedules.")
  String window;

  @Option(names = "--boundary", required = true, paramLabel = "start|end",
      converter = BoundaryConverter.class,
      description = "Which edge of the window is due: start or end.")
  ScheduleBoundary boundary;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      return run(client, Clock.systemUTC());
    }
  }

  /**
   * Sets the annotation and returns the exit code. The code is 0 when the annotation is set, and
   * also when the window is no longer in the spec, because a retry would not help and the
   * operator deletes that CronJob. It is 1 when the tenant does not exist or the API server
   * rejects a request.
   */
  int run(KubernetesClient client, Clock clock) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String tenantId = namespace + "/" + tenant;
    TenantBoundaryAnnotator annotator = new TenantBoundaryAnnotator(client);
    try {
      Optional<AutoReplyTenant> current = annotator.read(namespace, tenant);
      if (current.isEmpty()) {
        err.println("error: AutoReplyTenant " + tenantId + " not found");
        return 1;
      }
      if (!hasWindow(current.get(), window)) {
        err.println("warning: window \"" + window + "\" is not in spec.schedules of "
            + "AutoReplyTenant " + tenantId + "; nothing to do");
        return 0;
      }
      Instant now = clock.instant();
      annotator.annotate(namespace, tenant, window, boundary, now);
      out.println("AutoReplyTenant " + tenantId + " annotated "
          + ScheduleNames.BOUNDARY_ANNOTATION + "="
          + TenantBoundaryAnnotator.annotationValue(window, boundary, now));
      return 0;
    } catch (KubernetesClientException e) {
      err.println("error: failed to annotate AutoReplyTenant " + tenantId + ": HTTP "
          + e.getCode() + " " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static boolean hasWindow(AutoReplyTenant tenant, String window) {
    List<ScheduleSpec> schedules =
        tenant.getSpec() == null ? null : tenant.getSpec().getSchedules();
    return schedules != null
        && schedules.stream().anyMatch(schedule -> window.equals(schedule.getName()));
  }

  /** Converts {@code start} or {@code end} for picocli. */
  static final class BoundaryConverter implements CommandLine.ITypeConverter<ScheduleBoundary> {

    @Override
    public ScheduleBoundary convert(String value) {
      try {
        return ScheduleBoundary.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
