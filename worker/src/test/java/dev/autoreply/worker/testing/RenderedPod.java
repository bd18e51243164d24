package dev.autoreply.worker.testing;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.model.TenantObjects;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files and arguments a worker pod gets, rendered by the operator's own builders from a
 * sample AutoReplyTenant: the ConfigMap's keys are written where the Deployment mounts them, the
 * Secret's keys where it mounts the Secret, and the container's arguments are rewritten to point
 * at those folders. A test that starts the worker from this cannot drift from the operator.
 */
public final class RenderedPod {

  private final Path root;
  private final List<String> args;
  private final AutoReplyTenant tenant;

  private RenderedPod(Path root, List<String> args, AutoReplyTenant tenant) {
    this.root = root;
    this.args = List.copyOf(args);
    this.tenant = tenant;
  }

  /**
   * Renders {@code tenantYaml} with {@code regionPolicyYaml} and lays the pod's mounted files out
   * under {@code root}; {@code secretData} are the keys of the tenant's Secret.
   */
  public static RenderedPod render(Path tenantYaml, Path regionPolicyYaml, Map<String, String> secretData,
      Path root) throws IOException {
    AutoReplyTenant tenant = read(tenantYaml, AutoReplyTenant.class);
    RegionPolicy policy = read(regionPolicyYaml, RegionPolicy.class);
    tenant.getMetadata().setUid("0d6c5b58-6a1e-4a55-9d3e-7c1f0e3e9a01");
    List<HasMetadata> objects = TenantObjects.desired(tenant, policy.getSpec(), OperatorDefaults.standard());

    ConfigMap configMap = only(objects, ConfigMap.class);
    Deployment deployment = only(objects, Deployment.class);
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    Map<String, Path> folders = new java.util.HashMap<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      Volume volume = volume(deployment, mount.getName());
      Path folder = root.resolve(mount.getMountPath().substring(1));
      Files.createDirectories(folder);
      if (volume.getConfigMap() != null) {
        writeAll(folder, configMap.getData());
      } else if (volume.getSecret() != null) {
        writeAll(folder, secretData);
      }
      folders.put(mount.getMountPath(), folder);
    }

    List<String> args = new ArrayList<>();
    for (String arg : container.getArgs()) {
      args.add(localPath(arg, folders));
    }
    return new RenderedPod(root, args, tenant);
  }

  /** Returns the container's arguments with mount paths replaced by the local folders. */
  public List<String> args() {
    return args;
  }

  public Path root() {
    return root;
  }

  public AutoReplyTenant tenant() {
    return tenant;
  }

  /** Returns the value of option {@code name} in the container's arguments. */
  public Path option(String name) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(name) && i + 1 < args.size()) {
        return Path.of(args.get(i + 1));
      }
      if (args.get(i).startsWith(name + "=")) {
        return Path.of(args.get(i).substring(name.length() + 1));
      }
    }
    throw new IllegalStateException("the rendered container has no option " + name + ": " + args);
  }

  /** Rewrites an argument under a mount path, of the longest matching mount, to the local folder. */
  private static String localPath(String arg, Map<String, Path> folders) {
    String best = null;
    for (String mountPath : folders.keySet()) {
      boolean under = arg.equals(mountPath) || arg.startsWith(mountPath + "/");
      if (under && (best == null || mountPath.length() > best.length())) {
        best = mountPath;
      }
    }
    return best == null ? arg : folders.get(best) + arg.substring(best.length());
  }

  private static <T> T read(Path yaml, Class<T> type) throws IOException {
    try (InputStream in = Files.newInputStream(yaml)) {
      return Serialization.unmarshal(in, type);
    }
  }

  private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> matches = objects.stream().filter(type::isInstance).map(type::cast).toList();
    if (matches.size() != 1) {
      throw new IllegalStateException("expected one " + type.getSimpleName() + ", got " + matches.size());
    }
    return matches.get(0);
  }

  private static Volume volume(Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(volume -> volume.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no volume " + name + " in the Deployment"));
  }

  private static void writeAll(Path folder, Map<String, String> data) throws IOException {
    for (Map.Entry<String, String> entry : data.entrySet()) {
      Files.writeString(folder.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
    }
  }
}
