package dev.autoreply.operator.schedule;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.Groups;
import dev.autoreply.operator.model.TenantMetadata;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * Desired ServiceAccount, Role and RoleBinding of a tenant's scheduler Jobs. The Role allows
 * only {@code get} and {@code patch} on this one AutoReplyTenant, which is all {@code scale}
 * needs to set its annotation. It grants nothing on Deployments or HorizontalPodAutoscalers.
 */
public final class SchedulerAccessModel {

  public static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private SchedulerAccessModel() {
  }

  /** Builds the ServiceAccount {@code <tenant>-scheduler}. */
  public static ServiceAccount serviceAccount(AutoReplyTenant tenant) {
    return new ServiceAccountBuilder()
        .withMetadata(metadata(tenant))
        .build();
  }

  /** Builds the Role {@code <tenant>-scheduler}. */
  public static Role role(AutoReplyTenant tenant) {
    return new RoleBuilder()
        .withMetadata(metadata(tenant))
        .addNewRule()
          .withApiGroups(Groups.AUTOREPLY)
          .withResources(HasMetadata.getPlural(AutoReplyTenant.class))
          .withResourceNames(tenant.getMetadata().getName())
          .withVerbs("get", "patch")
        .endRule()
        .build();
  }

  /** Builds the RoleBinding {@code <tenant>-scheduler} of the Role to the ServiceAccount. */
  public static RoleBinding roleBinding(AutoReplyTenant tenant) {
    String name = ScheduleNames.schedulerName(tenant.getMetadata().getName());
    return new RoleBindingBuilder()
        .withMetadata(metadata(tenant))
        .withNewRoleRef()
          .withApiGroup(RBAC_GROUP)
          .withKind("Role")
          .withName(name)
        .endRoleRef()
        .addNewSubject()
          .withKind("ServiceAccount")
          .withName(name)
          .withNamespace(tenant.getMetadata().getNamespace())
        .endSubject()
        .build();
  }

  private static ObjectMeta metadata(AutoReplyTenant tenant) {
    String tenantName = tenant.getMetadata().getName();
    return new ObjectMetaBuilder()
        .withName(ScheduleNames.schedulerName(tenantName))
        .withNamespace(tenant.getMetadata().getNamespace())
        .withLabels(ScheduleNames.labels(tenantName))
        .withOwnerReferences(TenantMetadata.controllerReference(tenant))
        .build();
  }
}
