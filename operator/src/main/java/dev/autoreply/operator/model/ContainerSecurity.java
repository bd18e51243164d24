package dev.autoreply.operator.model;

import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/**
 * Container security context of every pod the operator creates: non-root, read-only root
 * filesystem, no privilege escalation, all capabilities dropped and the runtime's default
 * seccomp profile, as the Kubernetes "restricted" Pod Security Standard requires.
 */
public final class ContainerSecurity {

  private ContainerSecurity() {
  }

  public static SecurityContext restricted() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withReadOnlyRootFilesystem(true)
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
          .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
          .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }
}
