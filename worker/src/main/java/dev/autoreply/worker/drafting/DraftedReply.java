package dev.autoreply.worker.drafting;

/**
 * Reply text drafted for one mail.
 *
 * @param text body of the reply
 * @param model model that wrote it, or "offline-template" for {@link OfflineDrafter}
 * @param promptTokens tokens of the prompt as the model counted them, 0 without a model
 * @param outputTokens tokens of the reply as the model counted them, 0 without a model
 */
public record DraftedReply(String text, String model, int promptTokens, int outputTokens) {
}
