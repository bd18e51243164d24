package dev.autoreply.operator.assembly;

import dev.autoreply.api.v1alpha1.AutoReplyTenant;
import dev.autoreply.api.v1alpha1.AutoReplyTenantStatus;
import dev.autoreply.api.v1alpha1.RegionPolicy;
import dev.autoreply.api.v1alpha1.ScheduleSpec;
import dev.autoreply.operator.model.CredentialsHash;
import dev.autoreply.operator.model.OperatorDefaults;
import dev.autoreply.operator.model.ReadyState;
import dev.autoreply.operator.model.ScalePreset;
import dev.autoreply.operator.model.SpecValidator;
import dev.autoreply.operator.model.TenantScaling;
import dev.autoreply.operator.model.TenantStatusModel;
import dev.autoreply.operator.model.WorkerDeploymentModel;
import dev.autoreply.operator.model.WorkerNames;
import dev.autoreply.operator.schedule.ReplicaBounds;
import dev.autoreply.operator.schedule.ScheduleCronJobsDependent;
import dev.autoreply.operator.schedule.ScheduleWindows;
import dev.autoreply.operator.schedule.SchedulerRoleBindingDependent;
import dev.autoreply.operator.schedule.SchedulerRoleDependent;
import dev.autoreply.operator.schedule.SchedulerServiceAccountDependent;
import dev.autoreply.operator.schedule.SchedulesPresentCondition;
import io.fabric8.kubernetes.api.model.Secret;
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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reconciles an AutoReplyTenant into its worker ServiceAccount, RBAC, settings ConfigMap,
 * Deployment, HorizontalPodAutoscaler and PodDisruptionBudget, the scheduler CronJobs of its
 * windows, and the status conditions of {@link TenantStatusModel}. The workflow runs only once
 * the tenant spec is valid, its RegionPolicy exists and its credentials Secret exists, so an
 * incomplete tenant gets a status and an Event that name the problem and no half-built worker.
 *
 * <p>A missing Secret is not an error: the reconcile ends without an exception, so JOSDK does
 * not retry, and the Secret informer starts the next reconcile when the Secret is created.
 */
@ControllerConfiguration(name = AutoReplyTenantReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(type = WorkerServiceAccountDependent.class),
    @Dependent(type = WorkerRoleDependent.class),
    @Dependent(type = WorkerRoleBindingDependent.class),
    @Dependent(type = AdminRoleDependent.class, reconcilePrecondition = HasAdminsCondition.class),
    @Dependent(type = AdminRoleBindingDependent.class,
        reconcilePrecondition = HasAdminsCondition.class),
    @Dependent(type = ViewerRoleDependent.class, reconcilePrecondition = HasViewersCondition.class),
    @Dependent(type = ViewerRoleBindingDependent.class,
        reconcilePrecondition = HasViewersCondition.class),
    @Dependent(type = WorkerSettingsConfigMapDependent.class),
    @Dependent(type = WorkerDeploymentDependent.class),
    @Dependent(type = WorkerAutoscalerDependent.class,
        reconcilePrecondition = NotSuspendedCondition.class),
    @Dependent(type = WorkerDisruptionBudgetDependent.class,
        reconcilePrecondition = DisruptionBudgetNeededCondition.class),
    @Dependent(type = SchedulerServiceAccountDependent.class,
        reconcilePrecondition = SchedulesPresentCondition.class),
    @Dependent(type = SchedulerRoleDependent.class,
        reconcilePrecondition = SchedulesPresentCondition.class),
    @Dependent(type = SchedulerRoleBindingDependent.class,
        reconcilePrecondition = SchedulesPresentCondition.class),
    @Dependent(type = ScheduleCronJobsDependent.class,
        reconcilePrecondition = SchedulesPresentCondition.class)
})
public class AutoReplyTenantReconciler implements Reconciler<AutoReplyTenant> {

  public static final String NAME = "autoreplytenant";

  private static final Logger LOG = LoggerFactory.getLogger(AutoReplyTenantReconciler.class);
  private static final String REGION_POLICY_INDEX = "regionPolicy";
  private static final String CREDENTIALS_SECRET_INDEX = "credentialsSecret";

  /**
   * Environment variable with the operator's own image, which the scheduler CronJobs run.
   * NOTE: the Helm chart must set it from the operator Deployment's image; without it the
   * CronJobs run {@link #DEFAULT_OPERATOR_IMAGE}.
   */
  public static final String OPERATOR_IMAGE_ENV = "AUTOREPLY_OPERATOR_IMAGE";
  public static final String DEFAULT_OPERATOR_IMAGE = "autoreply/operator:0.1.0";

  /** Margin after a window boundary before the requeue, so the new window is in force. */
  static final Duration BOUNDARY_MARGIN = Duration.ofSeconds(1);

  private final OperatorDefaults defaults;
  private final Clock clock;
  private final TenantEvents events;
  private final String operatorImage;

  public AutoReplyTenantReconciler(OperatorDefaults defaults, Clock clock) {
    this.defaults = defaults;
    this.clock = clock;
    this.events = new TenantEvents(clock);
    String image = System.getenv(OPERATOR_IMAGE_ENV);
    this.operatorImage = image == null || image.isBlank() ? DEFAULT_OPERATOR_IMAGE : image;
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
      Instant now = clock.instant();
      WorkerOutcome outcome = reconcileWorker(tenant, context, now);
      return updateStatus(tenant, outcome, now);
    }
  }

  /**
   * Conditions the reconcile computed, with the worker Deployment (null when the workflow did
   * not run or has not created it), the bounds in force and the active window (null when
   * unknown or outside every window).
   */
  private record WorkerOutcome(Map<String, ReadyState> conditions, Deployment deployment,
      ReplicaBounds bounds, String activeSchedule) {

    static WorkerOutcome notReady(ReadyState ready) {
      Map<String, ReadyState> conditions = new LinkedHashMap<>();
      conditions.put(TenantStatusModel.CONDITION_READY, ready);
      return new WorkerOutcome(conditions, null, null, null);
    }
  }

  /** Runs the workflow when the inputs allow it and returns the conditions it leads to. */
  private WorkerOutcome reconcileWorker(
      AutoReplyTenant tenant, Context<AutoReplyTenant> context, Instant now) {
    List<String> problems = SpecValidator.validate(tenant);
    if (!problems.isEmpty()) {
      LOG.warn("AutoReplyTenant {} is invalid: {}", tenant.getMetadata().getName(), problems);
      return warn(tenant, context, TenantStatusModel.invalidSpec(problems));
    }

    String policyName = regionPolicyName(tenant);
    Optional<RegionPolicy> policy = context.getSecondaryResource(RegionPolicy.class);
    if (policy.isEmpty()) {
      LOG.warn("RegionPolicy {} of AutoReplyTenant {} not found", policyName,
          tenant.getMetadata().getName());
      return warn(tenant, context, TenantStatusModel.regionPolicyNotFound(policyName));
    }
    List<String> policyProblems = SpecValidator.validate(policy.get());
    if (!policyProblems.isEmpty()) {
      LOG.warn("RegionPolicy {} of AutoReplyTenant {} is invalid: {}", policyName,
          tenant.getMetadata().getName(), policyProblems);
      return warn(tenant, context,
          TenantStatusModel.invalidRegionPolicy(policyName, policyProblems));
    }

    String secretName = tenant.getSpec().getCredentialsSecretRef().getName();
    Optional<Secret> secret = context.getSecondaryResource(Secret.class);
    if (secret.isEmpty()) {
      LOG.warn("Secret {} of AutoReplyTenant {} not found; waiting for it to be created",
          secretName, tenant.getMetadata().getName());
      ReadyState notFound =
          TenantStatusModel.secretNotFound(secretName, tenant.getMetadata().getNamespace());
      WorkerOutcome outcome = warn(tenant, context, notFound);
      outcome.conditions().put(TenantStatusModel.CONDITION_CREDENTIALS_READY, notFound);
      return outcome;
    }

    ScalePreset scaling = TenantScaling.resolve(tenant.getSpec().getScaling(), defaults);
    List<ScheduleSpec> schedules = tenant.getSpec().getSchedules() == null
        ? List.of() : tenant.getSpec().getSchedules();
    ReplicaBounds bounds =
        ScheduleWindows.boundsAt(TenantScaling.baseBounds(scaling), schedules, now);
    String activeSchedule =
        ScheduleWindows.activeAt(schedules, now).map(ScheduleSpec::getName).orElse(null);

    var workflowContext = context.managedWorkflowAndDependentResourceContext();
    workflowContext.put(DesiredInputs.KEY, new DesiredInputs(policy.get().getSpec(), defaults,
        scaling, bounds, CredentialsHash.of(secret.get()), events));
    workflowContext.put(ScheduleCronJobsDependent.OPERATOR_IMAGE_KEY, operatorImage);
    workflowContext.reconcileManagedWorkflow().throwAggregateExceptionIfErrorsPresent();

    Deployment deployment = context.getSecondaryResource(Deployment.class)
        .or(() -> cachedDeployment(tenant, context))
        .orElse(null);
    boolean suspended = WorkerDeploymentModel.isSuspended(tenant);

    Map<String, ReadyState> conditions = new LinkedHashMap<>();
    conditions.put(TenantStatusModel.CONDITION_READY, suspended
        ? TenantStatusModel.readySuspended()
        : TenantStatusModel.fromDeployment(tenant, deployment));
    conditions.put(TenantStatusModel.CONDITION_CREDENTIALS_READY,
        TenantStatusModel.credentialsReady(secretName));
    conditions.put(TenantStatusModel.CONDITION_WORKER_AVAILABLE,
        TenantStatusModel.workerAvailable(tenant, deployment, bounds));
    conditions.put(TenantStatusModel.CONDITION_SCHEDULE_ACTIVE,
        TenantStatusModel.scheduleActive(activeSchedule));
    conditions.put(TenantStatusModel.CONDITION_SUSPENDED,
        TenantStatusModel.suspended(suspended));
    return new WorkerOutcome(conditions, deployment, bounds, activeSchedule);
  }

  /** Records a Warning Event with the reason and message of a failed Ready state. */
  private WorkerOutcome warn(AutoReplyTenant tenant, Context<AutoReplyTenant> context,
      ReadyState ready) {
    events.record(context.getClient(), tenant, TenantEvents.TYPE_WARNING, ready.reason(),
        ready.message());
    return WorkerOutcome.notReady(ready);
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

  /**
   * Patches the status only when a field other than a timestamp changed, and requeues the
   * tenant just after the next window boundary so the bounds follow the schedule even when no
   * CronJob runs.
   */
  private UpdateControl<AutoReplyTenant> updateStatus(
      AutoReplyTenant tenant, WorkerOutcome outcome, Instant now) {
    AutoReplyTenantStatus next = TenantStatusModel.nextStatus(tenant, outcome.conditions(),
        outcome.deployment(), outcome.bounds(), outcome.activeSchedule(), now);
    UpdateControl<AutoReplyTenant> control;
    if (next.equals(tenant.getStatus())) {
      control = UpdateControl.noUpdate();
    } else {
      ReadyState ready = outcome.conditions().get(TenantStatusModel.CONDITION_READY);
      LOG.info("Updating status of AutoReplyTenant {}: Ready={} reason {}",
          tenant.getMetadata().getName(), ready.ready(), ready.reason());
      tenant.setStatus(next);
      control = UpdateControl.patchStatus(tenant);
    }
    Optional<Instant> boundary = nextBoundary(tenant, now);
    if (boundary.isPresent()) {
      control.rescheduleAfter(Duration.between(now, boundary.get()).plus(BOUNDARY_MARGIN));
    }
    return control;
  }

  private static Optional<Instant> nextBoundary(AutoReplyTenant tenant, Instant now) {
    List<ScheduleSpec> schedules = tenant.getSpec() == null ? null : tenant.getSpec().getSchedules();
    if (schedules == null || schedules.isEmpty()
        || !ScheduleWindows.validate(schedules).isEmpty()) {
      return Optional.empty();
    }
    return ScheduleWindows.nextBoundaryAfter(schedules, now);
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
      ReadyState failed = TenantStatusModel.reconcileFailed(error);
      events.record(context.getClient(), tenant, TenantEvents.TYPE_WARNING, failed.reason(),
          failed.message());
      AutoReplyTenantStatus next = TenantStatusModel.nextStatus(tenant, failed, null,
          clock.instant());
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

    // Tenants create their Secrets themselves, without the operator's labels, so this informer
    // watches every Secret in the watched namespaces. A Secret event reconciles only the tenants
    // whose spec.credentialsSecretRef.name names it.
    // NOTE: the informer caches every Secret of those namespaces in the operator's memory.
    context.getPrimaryCache().addIndexer(CREDENTIALS_SECRET_INDEX,
        tenant -> credentialsSecretKey(tenant).map(List::of).orElse(List.of()));
    InformerEventSourceConfiguration<Secret> secrets =
        InformerEventSourceConfiguration.from(Secret.class, AutoReplyTenant.class)
            .withSecondaryToPrimaryMapper(secret -> context.getPrimaryCache()
                .byIndex(CREDENTIALS_SECRET_INDEX,
                    secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName())
                .stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper((AutoReplyTenant tenant) ->
                credentialsSecretName(tenant)
                    .map(name -> Set.of(new ResourceID(name, tenant.getMetadata().getNamespace())))
                    .orElse(Set.of()))
            .build();
    return List.of(new InformerEventSource<>(policies, context),
        new InformerEventSource<>(secrets, context));
  }

  private static Optional<String> credentialsSecretName(AutoReplyTenant tenant) {
    if (tenant.getSpec() == null || tenant.getSpec().getCredentialsSecretRef() == null) {
      return Optional.empty();
    }
    String name = tenant.getSpec().getCredentialsSecretRef().getName();
    return name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
  }

  /** Returns "namespace/name" of the tenant's credentials Secret, the index key. */
  private static Optional<String> credentialsSecretKey(AutoReplyTenant tenant) {
    return credentialsSecretName(tenant)
        .map(name -> tenant.getMetadata().getNamespace() + "/" + name);
  }

  static String regionPolicyName(AutoReplyTenant tenant) {
    String name = tenant.getSpec() == null ? null : tenant.getSpec().getRegionPolicy();
    return name == null || name.isBlank() ? RegionPolicy.DEFAULT_NAME : name;
  }
}
