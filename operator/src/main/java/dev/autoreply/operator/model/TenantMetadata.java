package dev.autoreply.operator.model;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** Metadata shared by every object created for a tenant: namespace, labels and owner. */
public final class TenantMetadata {

  private TenantMetadata() {
  }

  /** Builds the metadata of an object named {@code name} in the tenant's namespace. */
  public static ObjectMeta forObject(AutoReplyTenant tenant, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(tenant.getMetadata().getNamespace())
        .withLabels(WorkerNames.labels(tenant.getMetadata().getName()))
        .withOwnerReferences(controllerReference(tenant))
        .build();
  }

  /**
   * Builds the controller reference to the tenant, so the garbage collector deletes the object
   * with the tenant and the tenant cannot be removed before it in foreground deletion.
   */
  public static OwnerReference controllerReference(AutoReplyTenant tenant) {
    return new OwnerReferenceBuilder()
        .withApiVersion(HasMetadata.getApiVersion(AutoReplyTenant.class))
        .withKind(AutoReplyTenant.KIND)
        .withName(tenant.getMetadata().getName())
        .withUid(tenant.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
