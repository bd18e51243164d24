package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.RegionPolicySpec;
import dev.autoreply.operator.model.OperatorDefaults;

/**
 * Inputs of the dependent resources besides the tenant itself. The reconciler stores them in
 * the workflow context before it runs the workflow.
 *
 * @param policy spec of the RegionPolicy the tenant names
 * @param defaults operator-wide defaults
 */
record DesiredInputs(RegionPolicySpec policy, OperatorDefaults defaults) {

  static final String KEY = DesiredInputs.class.getName();
}
