package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AccessSpec;
import dev.autoreply.api.v1alpha1.AccessSubject;
import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.Groups;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;

/**
 * Roles and RoleBindings of one tenant: the worker may read only its own Secret and settings
 * ConfigMap, and the people in spec.access may edit or read only this AutoReplyTenant.
 *
 * <p>RBAC checks {@code resourceNames} against the object name of the request. A {@code list}
 * has no name, and a {@code watch} has one only with {@code fieldSelector=metadata.name=NAME},
 * so with these Roles {@code kubectl get autoreplytenant NAME} and {@code kubectl get
 * autoreplytenant NAME --watch} work, but listing all tenants of the namespace is forbidden.
 */
public final class TenantRbacModel {

  static final String RBAC_GROUP = "rbac.authorization.k8s.io";
  static final String TENANTS = "autoreplytenants";

  private TenantRbacModel() {
  }

  /** Builds Role {@code <tenant>-worker}: get and watch on the tenant's Secret and ConfigMap. */
  public static Role workerRole(AutoReplyTenant tenant) {
    String tenantName = tenant.getMetadata().getName();
    return new RoleBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, WorkerNames.workerName(tenantName)))
        .withRules(
            rule("", "secrets", tenant.getSpec().getCredentialsSecretRef().getName(),
                "get", "watch"),
            rule("", "configmaps", WorkerNames.settingsConfigMapName(tenantName),
                "get", "watch"))
        .build();
  }

  /** Builds RoleBinding {@code <tenant>-worker} of the worker Role to the worker ServiceAccount. */
  public static RoleBinding workerRoleBinding(AutoReplyTenant tenant) {
    String name = WorkerNames.workerName(tenant.getMetadata().getName());
    Subject serviceAccount = new SubjectBuilder()
        .withKind("ServiceAccount")
        .withName(name)
        .withNamespace(tenant.getMetadata().getNamespace())
        .build();
    return binding(tenant, name, List.of(serviceAccount));
  }

  /** Builds Role {@code <tenant>-tenant-admin}: edit this AutoReplyTenant and read its status. */
  public static Role adminRole(AutoReplyTenant tenant) {
    String tenantName = tenant.getMetadata().getName();
    return new RoleBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, WorkerNames.adminRoleName(tenantName)))
        .withRules(
            rule(Groups.AUTOREPLY, TENANTS, tenantName,
                "get", "list", "watch", "update", "patch"),
            rule(Groups.AUTOREPLY, TENANTS + "/status", tenantName, "get"))
        .build();
  }

  /** Builds RoleBinding {@code <tenant>-tenant-admin} to spec.access.admins. */
  public static RoleBinding adminRoleBinding(AutoReplyTenant tenant) {
    AccessSpec access = tenant.getSpec().getAccess();
    return binding(tenant, WorkerNames.adminRoleName(tenant.getMetadata().getName()),
        subjects(access == null ? null : access.getAdmins()));
  }

  /** Builds Role {@code <tenant>-tenant-viewer}: read this AutoReplyTenant and its status. */
  public static Role viewerRole(AutoReplyTenant tenant) {
    String tenantName = tenant.getMetadata().getName();
    return new RoleBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, WorkerNames.viewerRoleName(tenantName)))
        .withRules(
            rule(Groups.AUTOREPLY, TENANTS, tenantName, "get", "list", "watch"),
            rule(Groups.AUTOREPLY, TENANTS + "/status", tenantName, "get"))
        .build();
  }

  /** Builds RoleBinding {@code <tenant>-tenant-viewer} to spec.access.viewers. */
  public static RoleBinding viewerRoleBinding(AutoReplyTenant tenant) {
    AccessSpec access = tenant.getSpec().getAccess();
    return binding(tenant, WorkerNames.viewerRoleName(tenant.getMetadata().getName()),
        subjects(access == null ? null : access.getViewers()));
  }

  /** Returns whether spec.access lists at least one admin. */
  public static boolean hasAdmins(AutoReplyTenant tenant) {
    AccessSpec access = tenant.getSpec().getAccess();
    return access != null && access.getAdmins() != null && !access.getAdmins().isEmpty();
  }

  /** Returns whether spec.access lists at least one viewer. */
  public static boolean hasViewers(AutoReplyTenant tenant) {
    AccessSpec access = tenant.getSpec().getAccess();
    return access != null && access.getViewers() != null && !access.getViewers().isEmpty();
  }

  private static PolicyRule rule(String group, String resource, String resourceName,
      String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withResourceNames(resourceName)
        .withVerbs(verbs)
        .build();
  }

  private static RoleBinding binding(AutoReplyTenant tenant, String name, List<Subject> subjects) {
    return new RoleBindingBuilder()
        .withMetadata(TenantMetadata.forObject(tenant, name))
        .withNewRoleRef()
          .withApiGroup(RBAC_GROUP)
          .withKind("Role")
          .withName(name)
        .endRoleRef()
        .withSubjects(subjects)
        .build();
  }

  private static List<Subject> subjects(List<AccessSubject> people) {
    if (people == null) {
      return List.of();
    }
    return people.stream()
        .map(person -> new SubjectBuilder()
            .withApiGroup(RBAC_GROUP)
            .withKind(person.getKind() == AccessSubject.Kind.GROUP ? "Group" : "User")
            .withName(person.getName())
            .build())
        .toList();
  }
}
