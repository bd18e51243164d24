package dev.autoreply.operator.model;

/**
 * Value of one of the tenant's conditions ({@code Ready}, {@code CredentialsReady}, ...) before
 * timestamps are added.
 *
 * @param ready whether the condition status is True
 * @param reason CamelCase reason, one of the {@code REASON_} constants of {@link TenantStatusModel}
 * @param message sentence for people that names the object involved and, when not ready, the fix
 */
public record ReadyState(boolean ready, String reason, String message) {
}
