package dev.autoreply.worker.priority;

/**
 * Settings of one priority tier that replace the tenant's defaults. A null field keeps the
 * default.
 *
 * @param model Gemini model name
 * @param maxOutputTokens upper bound on the tokens of one reply, 16 to 8192
 * @param tone tone word of the replies, for example formal
 */
public record TierOverride(String model, Integer maxOutputTokens, String tone) {

  /** Override that keeps every default. */
  public static final TierOverride NONE = new TierOverride(null, null, null);
}
