package dev.autoreply.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Cluster-wide settings of one region: the Google Cloud project, Vertex AI location and
 * Firestore database that every tenant's workers in this cluster use.
 */
@Group(Groups.AUTOREPLY)
@Version("v1alpha1")
@ShortNames("rp")
@AdditionalPrinterColumn(name = "Region", type = Type.STRING, jsonPath = ".spec.region")
@AdditionalPrinterColumn(name = "Project", type = Type.STRING, jsonPath = ".spec.projectId")
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class RegionPolicy extends CustomResource<RegionPolicySpec, RegionPolicyStatus> {

  public static final String KIND = "RegionPolicy";

  /** Name of the RegionPolicy a tenant uses when its spec names none. */
  public static final String DEFAULT_NAME = "default";
}
