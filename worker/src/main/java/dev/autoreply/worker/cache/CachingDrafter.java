package dev.autoreply.worker.cache;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.worker.drafting.DraftRequest;
import dev.autoreply.worker.drafting.DraftedReply;
import dev.autoreply.worker.drafting.PromptBuilder;
import dev.autoreply.worker.drafting.ReplyDrafter;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReplyDrafter} that returns a cached reply when the same prompt was answered before,
 * and otherwise drafts with the wrapped drafter and caches the result. A cached reply reports
 * 0 prompt and 0 output tokens, because no model was called. Failures of the wrapped drafter
 * are thrown unchanged and are not cached.
 *
 * <p>A cache entry is the model name, a line feed, then the reply text, so a cached reply
 * names the model that wrote it.
 */
public final class CachingDrafter implements ReplyDrafter {

  private static final Logger log = LoggerFactory.getLogger(CachingDrafter.class);

  private final ReplyDrafter delegate;
  private final ReplyCache cache;
  private final PromptBuilder prompts;

  /** Creates a drafter whose cache keys use the default {@link PromptBuilder}. */
  public CachingDrafter(ReplyDrafter delegate, ReplyCache cache) {
    this(delegate, cache, new PromptBuilder());
  }

  /**
   * Creates a drafter.
   *
   * @param prompts must build the same prompts as the wrapped drafter (same maximum body
   *     length), because the cache key covers the prompt the model would get
   */
  public CachingDrafter(ReplyDrafter delegate, ReplyCache cache, PromptBuilder prompts) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.prompts = Objects.requireNonNull(prompts, "prompts");
  }

  @Override
  public DraftedReply draft(DraftRequest request) {
    WorkerSettings settings = request.settings();
    String material = ReplyCacheKeys.material(
        prompts.build(request), settings.model(), settings.maxOutputTokens());

    Optional<String> cached = cache.get(settings.tenant(), material);
    if (cached.isPresent()) {
      log.info("Reused a cached reply for message {} of tenant {}",
          request.messageId(), settings.tenant());
      return decode(cached.get(), settings.model());
    }

    DraftedReply reply = delegate.draft(request);
    cache.put(settings.tenant(), material, encode(reply));
    return reply;
  }

  static String encode(DraftedReply reply) {
    return reply.model() + "\n" + reply.text();
  }

  /** Decodes an entry; one without a line feed is taken as text written by {@code model}. */
  static DraftedReply decode(String entry, String model) {
    int newline = entry.indexOf('\n');
    if (newline < 0) {
      return new DraftedReply(entry, model, 0, 0);
    }
    return new DraftedReply(entry.substring(newline + 1), entry.substring(0, newline), 0, 0);
  }
}
