package dev.autoreply.api.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One company's support mailboxes, answered by a fleet of worker pods in this namespace. */
@Group(Groups.AUTOREPLY)
@Version("v1alpha1")
@ShortNames("art")
public class AutoReplyTenant extends CustomResource<AutoReplyTenantSpec, AutoReplyTenantStatus>
    implements Namespaced {

  public static final String KIND = "AutoReplyTenant";
}
