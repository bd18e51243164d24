package dev.autoreply.operator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.autoreply.api.schema.CrdSchema;
import dev.autoreply.api.settings.WorkerSettingsFile;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.api.v1alpha1.ScheduleSpec;
import dev.autoreply.operator.assembly.AutoReplyTenantReconciler;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.model.ReadyState;
import dev.autoreply.operator.model.SpecValidator;
import dev.autoreply.operator.model.TenantObjects;
import dev.autoreply.operator.model.TenantStatusModel;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints, as multi-document YAML, every object the operator would create for the
 * AutoReplyTenants in some files, followed by the status it would report as a YAML comment.
 * Uses the same builders as the reconciler and needs no cluster.
 */
public final class ManifestRenderer {

  /** Namespace of a tenant whose file names none, as kubectl does with a default context. */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * Output of a render.
   *
   * @param yaml the objects and status comments
   * @param errors one message per tenant or document that could not be rendered
   * @param workerSettings the worker settings file of each rendered tenant, by "namespace/name"
   */
  public record Result(String yaml, List<String> errors, Map<String, String> workerSettings) {
  }

  private final OperatorDefaults defaults;
  private final Clock clock;
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  /** YAML writer that quotes only where YAML needs quotes and writes no document marker. */
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

  public ManifestRenderer(OperatorDefaults defaults, Clock clock) {
    this.defaults = defaults;
    this.clock = clock;
  }

  /**
   * Renders the tenants in the given files and folders.
   *
   * @throws IllegalArgumentException when a file is missing or not valid YAML
   */
  public Result render(List<Path> paths) {
    List<String> errors = new ArrayList<>();
    Map<String, RegionPolicy> policies = new LinkedHashMap<>();
    List<AutoReplyTenant> tenants = new ArrayList<>();
    List<ManifestFiles.Document> tenantDocuments = new ArrayList<>();
    Map<String, String> workerSettings = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder();

    for (ManifestFiles.Document document : ManifestFiles.read(paths)) {
      String kind = document.node().path("kind").asText("");
      List<String> violations = schemaViolations(kind, document);
      if (!violations.isEmpty()) {
        errors.add(document.where() + ": " + kind + " "
            + document.node().path("metadata").path("name").asText("") + ": "
            + String.join("; ", violations));
        continue;
      }
      try {
        if (kind.equals(AutoReplyTenant.KIND)) {
          tenants.add(serialization.convertValue(document.node(), AutoReplyTenant.class));
          tenantDocuments.add(document);
        } else if (kind.equals(RegionPolicy.KIND)) {
          RegionPolicy policy = serialization.convertValue(document.node(), RegionPolicy.class);
          addPolicy(document, policy, policies, errors);
        } else {
          out.append("# ").append(document.where()).append(": skipped ")
              .append(kind.isEmpty() ? "a document without kind" : kind)
              .append(", which the operator does not read\n");
        }
      } catch (IllegalArgumentException e) {
        errors.add(document.where() + ": invalid " + kind + ": " + rootMessage(e));
      }
    }

    for (int i = 0; i < tenants.size(); i++) {
      renderTenant(tenantDocuments.get(i), tenants.get(i), policies, out, errors, workerSettings);
    }
    return new Result(out.toString(), errors, workerSettings);
  }

  /** Checks a document against the CRD schema, as the API server would before accepting it. */
  private static List<String> schemaViolations(String kind, ManifestFiles.Document document) {
    return CrdSchema.forKind(kind).map(schema -> schema.validate(document.node())).orElse(List.of());
  }

  private static void addPolicy(ManifestFiles.Document document, RegionPolicy policy,
      Map<String, RegionPolicy> policies, List<String> errors) {
    String name = policy.getMetadata() == null ? null : policy.getMetadata().getName();
    if (name == null || name.isBlank()) {
      errors.add(document.where() + ": RegionPolicy: missing required field metadata.name");
      return;
    }
    List<String> problems = SpecValidator.validate(policy);
    if (!problems.isEmpty()) {
      errors.add(document.where() + ": RegionPolicy " + name + ": "
          + String.join("; ", problems));
      return;
    }
    policies.put(name, policy);
  }

  private void renderTenant(ManifestFiles.Document document, AutoReplyTenant tenant,
      Map<String, RegionPolicy> policies, StringBuilder out, List<String> errors,
      Map<String, String> workerSettings) {
    List<String> problems = SpecValidator.validate(tenant);
    String name = tenant.getMetadata() == null ? "" : tenant.getMetadata().getName();
    if (!problems.isEmpty()) {
      errors.add(document.where() + ": AutoReplyTenant " + name + ": "
          + String.join("; ", problems));
      return;
    }
    if (tenant.getMetadata().getNamespace() == null) {
      tenant.getMetadata().setNamespace(DEFAULT_NAMESPACE);
    }
    String id = tenant.getMetadata().getNamespace() + "/" + name;
    String policyName = tenant.getSpec().getRegionPolicy() == null
        ? RegionPolicy.DEFAULT_NAME : tenant.getSpec().getRegionPolicy();
    RegionPolicy policy = policies.get(policyName);

    out.append("# AutoReplyTenant ").append(id).append(" from ").append(document.where())
        .append(", RegionPolicy ").append(policyName).append('\n');
    if (tenant.getMetadata().getUid() == null) {
      out.append("# The ownerReferences have no uid here. In the cluster they carry the"
          + " tenant's uid.\n");
    }
    ReadyState ready;
    Deployment deployment = null;
    if (policy == null) {
      ready = TenantStatusModel.regionPolicyNotFound(policyName);
      errors.add(document.where() + ": AutoReplyTenant " + id + ": RegionPolicy " + policyName
          + " not found in the given files. Add its YAML file to the command");
    } else {
      // The Secret is not among the files, so the Deployment has no credentials hash here.
      List<ScheduleSpec> schedules = tenant.getSpec().getSchedules() == null
          ? List.of() : tenant.getSpec().getSchedules();
      for (HasMetadata object : TenantObjects.desired(tenant, policy.getSpec(), defaults,
          schedules, null, AutoReplyTenantReconciler.DEFAULT_OPERATOR_IMAGE, clock.instant())) {
        out.append("---\n").append(toYaml(object));
        if (object instanceof Deployment created) {
          deployment = created;
        }
        if (object instanceof ConfigMap settings) {
          workerSettings.put(id, settings.getData().get(WorkerSettingsFile.SETTINGS_KEY));
        }
      }
      ready = TenantStatusModel.fromDeployment(tenant, deployment);
    }
    appendStatus(tenant, ready, deployment, out);
  }

  private void appendStatus(AutoReplyTenant tenant, ReadyState ready, Deployment deployment,
      StringBuilder out) {
    var status = TenantStatusModel.nextStatus(tenant, ready, deployment, clock.instant());
    out.append("# Status the operator reports before the worker pods are available:\n");
    for (String line : toYaml(status).split("\n")) {
      out.append("#   ").append(line).append('\n');
    }
  }

  private static String toYaml(Object object) {
    try {
      return YAML.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write " + object.getClass().getSimpleName()
          + " as YAML", e);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
