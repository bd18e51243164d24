package dev.autoreply.worker.drafting;

/**
 * Prompt of one reply.
 *
 * @param systemInstruction the tenant's rules for the model
 * @param userContent the customer mail the model answers
 */
public record Prompt(String systemInstruction, String userContent) {
}
