package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantStatus;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.model.ReadyState;
import dev.autoreply.operator.model.SpecValidator;
import dev.autoreply.operator.model.TenantStatusModel;
import dev.autoreply.operator.model.WorkerNames;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.ManagedInformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reconciles an AutoReplyTenant into its worker ServiceAccount, settings ConfigMap, Deployment
 * and HorizontalPodAutoscaler, and reports a {@code Ready} condition. The workflow runs only
 * once the tenant spec is valid and its RegionPolicy exists, so an incomplete tenant gets a
 * status that names the problem and no half-built worker.
 */
@ControllerConfiguration(name = AutoReplyTenantReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(type = WorkerServiceAccountDependent.class),
    @Dependent(type = WorkerSettingsConfigMapDependent.class),
    @Dependent(type = WorkerDeploymentDependent.class),
    @Dependent(type = WorkerAutoscalerDependent.class)
})
public class AutoReplyTenantReconciler implements Reconciler<AutoReplyTenant> {

  public static final String NAME = "autoreplytenant";

  private static final Logger LOG = LoggerFactory.getLogger(AutoReplyTenantReconciler.class);
  private static final String REGION_POLICY_INDEX = "regionPolicy";

  private final OperatorDefaults defaults;
  private final Clock clock;

  public AutoReplyTenantReconciler(OperatorDefaults defaults, Clock clock) {
    this.defaults = defaults;
    this.clock = clock;
  }

  public AutoReplyTenantReconciler(OperatorDefaults defaults) {
    this(defaults, Clock.systemUTC());
  }

  @Override
  public UpdateControl<AutoReplyTenant> reconcile(
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    try (MDC.MDCCloseable namespace = MDC.putCloseable("namespace",
            tenant.getMetadata().getNamespace());
        MDC.MDCCloseable name = MDC.putCloseable("name", tenant.getMetadata().getName())) {
      WorkerOutcome outcome = reconcileWorker(tenant, context);
      return updateStatus(tenant, outcome);
    }
  }

  /**
   * Ready state of the tenant and its worker Deployment, which is null when the workflow did not
   * run or has not created it.
   */
  private record WorkerOutcome(ReadyState ready, Deployment deployment) {
  }

  /** Runs the workflow when the inputs allow it and returns the Ready state it leads to. */
  private WorkerOutcome reconcileWorker(AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    List<String> problems = SpecValidator.validate(tenant);
    if (!problems.isEmpty()) {
      LOG.warn("AutoReplyTenant {} is invalid: {}", tenant.getMetadata().getName(), problems);
      return new WorkerOutcome(TenantStatusModel.invalidSpec(problems), null);
    }

    String policyName = regionPolicyName(tenant);
    Optional<RegionPolicy> policy = context.getSecondaryResource(RegionPolicy.class);
    if (policy.isEmpty()) {
      LOG.warn("RegionPolicy {} of AutoReplyTenant {} not found", policyName,
          tenant.getMetadata().getName());
      return new WorkerOutcome(TenantStatusModel.regionPolicyNotFound(policyName), null);
    }
    List<String> policyProblems = SpecValidator.validate(policy.get());
    if (!policyProblems.isEmpty()) {
      LOG.warn("RegionPolicy {} of AutoReplyTenant {} is invalid: {}", policyName,
          tenant.getMetadata().getName(), policyProblems);
      return new WorkerOutcome(
          TenantStatusModel.invalidRegionPolicy(policyName, policyProblems), null);
    }

    context.managedWorkflowAndDependentResourceContext()
        .put(DesiredInputs.KEY, new DesiredInputs(policy.get().getSpec(), defaults));
    context.managedWorkflowAndDependentResourceContext()
        .reconcileManagedWorkflow()
        .throwAggregateExceptionIfErrorsPresent();

    Deployment deployment = context.getSecondaryResource(Deployment.class)
        .or(() -> cachedDeployment(tenant, context))
        .orElse(null);
    return new WorkerOutcome(TenantStatusModel.fromDeployment(tenant, deployment), deployment);
  }

  /**
   * Returns the worker Deployment from the informer cache by name, for a reconcile in which
   * {@code getSecondaryResource} does not list it yet. Without it the first status would
   * report that the Deployment does not exist, and the next reconcile would patch the status
   * again.
   */
  private static Optional<Deployment> cachedDeployment(
      AutoReplyTenant tenant, Context<AutoReplyTenant> context) {
    var source = context.eventSourceRetriever().getEventSourceFor(Deployment.class);
    if (!(source instanceof ManagedInformerEventSource<Deployment, AutoReplyTenant, ?> cache)) {
      return Optional.empty();
    }
    return cache.get(new ResourceID(
        WorkerNames.workerName(tenant.getMetadata().getName()),
        tenant.getMetadata().getNamespace()));
  }

  /** Patches the status only when a field other than a timestamp changed. */
  private UpdateControl<AutoReplyTenant> updateStatus(
      AutoReplyTenant tenant, WorkerOutcome outcome) {
    ReadyState ready = outcome.ready();
    AutoReplyTenantStatus next =
        TenantStatusModel.nextStatus(tenant, ready, outcome.deployment(), clock.instant());
    if (next.equals(tenant.getStatus())) {
      return UpdateControl.noUpdate();
    }
    LOG.info("Updating status of AutoReplyTenant {}: Ready={} reason {}",
        tenant.getMetadata().getName(), ready.ready(), ready.reason());
    tenant.setStatus(next);
    return UpdateControl.patchStatus(tenant);
  }

  /**
   * Reports a failed reconcile, for example a rejected write, as Ready=False with reason
   * ReconcileFailed, and lets JOSDK retry with its default backoff.
   */
  @Override
  public ErrorStatusUpdateControl<AutoReplyTenant> updateErrorStatus(
      AutoReplyTenant tenant, Context<AutoReplyTenant> context, Exception error) {
    try (MDC.MDCCloseable namespace = MDC.putCloseable("namespace",
            tenant.getMetadata().getNamespace());
        MDC.MDCCloseable name = MDC.putCloseable("name", tenant.getMetadata().getName())) {
      LOG.error("Reconcile of AutoReplyTenant {} failed", tenant.getMetadata().getName(), error);
      AutoReplyTenantStatus next = TenantStatusModel.nextStatus(tenant,
          TenantStatusModel.reconcileFailed(error), null, clock.instant());
      if (next.equals(tenant.getStatus())) {
        return ErrorStatusUpdateControl.noStatusUpdate();
      }
      tenant.setStatus(next);
      return ErrorStatusUpdateControl.patchStatus(tenant);
    }
  }

  @Override
  public List<EventSource<?, AutoReplyTenant>> prepareEventSources(
      EventSourceContext<AutoReplyTenant> context) {
    context.getPrimaryCache().addIndexer(REGION_POLICY_INDEX,
        tenant -> List.of(regionPolicyName(tenant)));

    // RegionPolicies are written by people, not by this operator, so this informer is not
    // label-scoped. A change to a policy reconciles every tenant that names it.
    InformerEventSourceConfiguration<RegionPolicy> policies =
        InformerEventSourceConfiguration.from(RegionPolicy.class, AutoReplyTenant.class)
            .withWatchAllNamespaces()
            .withSecondaryToPrimaryMapper(policy -> context.getPrimaryCache()
                .byIndex(REGION_POLICY_INDEX, policy.getMetadata().getName())
                .stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper(
                (AutoReplyTenant tenant) -> Set.of(new ResourceID(regionPolicyName(tenant))))
            .build();
    return List.of(new InformerEventSource<>(policies, context));
  }

  static String regionPolicyName(AutoReplyTenant tenant) {
    String name = tenant.getSpec() == null ? null : tenant.getSpec().getRegionPolicy();
    return name == null || name.isBlank() ? RegionPolicy.DEFAULT_NAME : name;
  }
}
