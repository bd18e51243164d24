/**
 * Scheduled scale-up and scale-down windows of a tenant ({@code spec.schedules}).
 *
 * <p>Contract between the CronJobs and the operator: a CronJob never touches the worker
 * Deployment or HorizontalPodAutoscaler. At each window boundary it runs {@code scale}, which
 * sets only the tenant annotation {@value ScheduleNames#BOUNDARY_ANNOTATION} with a JSON merge
 * patch on metadata, and that write wakes the operator. The operator computes the replica bounds
 * itself with {@link ScheduleWindows#boundsAt} for the current time and requeues the tenant at
 * {@link ScheduleWindows#nextBoundaryAfter}, so a missed or late CronJob run still converges
 * and the two never undo each other.
 */
package dev.autoreply.operator.schedule;
