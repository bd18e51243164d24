package dev.autoreply.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One company's support mailboxes, answered by a fleet of worker pods in this namespace. */
@Group(Groups.AUTOREPLY)
@Version("v1alpha1")
@ShortNames("art")
@AdditionalPrinterColumn(name = "Ready", type = Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Mailboxes", type = Type.INTEGER, jsonPath = ".status.mailboxes")
@AdditionalPrinterColumn(name = "Window", type = Type.STRING, jsonPath = ".status.activeSchedule")
@AdditionalPrinterColumn(name = "Replicas", type = Type.INTEGER, jsonPath = ".status.readyReplicas")
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class AutoReplyTenant extends CustomResource<AutoReplyTenantSpec, AutoReplyTenantStatus>
    implements Namespaced {

  public static final String KIND = "AutoReplyTenant";
}
