package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.model.ScalePreset;
import dev.autoreply.operator.schedule.ReplicaBounds;

/**
 * Inputs of the dependent resources besides the tenant itself. The reconciler stores them in
 * the workflow context before it runs the workflow.
 *
 * @param policy spec of the RegionPolicy the tenant names
 * @param defaults operator-wide defaults
 * @param scaling the tenant's scaling with tier presets and defaults filled in
 * @param bounds replica bounds in force, with the active schedule window applied
 * @param credentialsHash SHA-256 of the tenant's credentials Secret
 * @param events recorder of Kubernetes Events for the tenant
 */
record DesiredInputs(RegionPolicySpec policy, OperatorDefaults defaults, ScalePreset scaling,
    ReplicaBounds bounds, String credentialsHash, TenantEvents events) {

  static final String KEY = DesiredInputs.class.getName();
}
