package dev.autoreply.worker.pipeline;

import dev.autoreply.api.settings.WorkerSettings;
import dev.autoreply.worker.drafting.DraftBlockedException;
import dev.autoreply.worker.drafting.DraftFailedException;
import dev.autoreply.worker.drafting.DraftRequest;
import dev.autoreply.worker.drafting.DraftedReply;
import dev.autoreply.worker.drafting.OfflineDrafter;
import dev.autoreply.worker.drafting.ReplyDrafter;
import dev.autoreply.worker.ledger.LedgerException;
import dev.autoreply.worker.ledger.LedgerState;
import dev.autoreply.worker.ledger.MessageLedger;
import dev.autoreply.worker.mail.InboundMail;
import dev.autoreply.worker.mail.LoopSafetyFilter;
import dev.autoreply.worker.mail.MailDecision;
import dev.autoreply.worker.mail.MailParser;
import dev.autoreply.worker.mail.ReplyComposer;
import dev.autoreply.worker.observability.MessageOutcome;
import dev.autoreply.worker.observability.WorkerMetrics;
import dev.autoreply.worker.safety.DraftInspector;
import dev.autoreply.worker.safety.DraftVerdict;
import dev.autoreply.worker.safety.ReplyLimit;
import dev.autoreply.worker.safety.ReplyLimitException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides on one mail and carries the decision out: parse, loop-safety filters, claim in the
 * ledger, draft, inspect the draft, take the sender's reply limit, compose the threaded reply,
 * then send it, leave it as a draft or only record it, as the tenant's mode sets. Every outcome is
 * recorded in the ledger with its reason.
 */
public final class ReplyWorkflow {

  private static final Logger LOG = LoggerFactory.getLogger(ReplyWorkflow.class);

  private final WorkerSettings settings;
  private final Set<String> ownAddresses;
  private final MailParser parser;
  private final LoopSafetyFilter filter;
  private final MessageLedger ledger;
  private final DraftPlanner planner;
  private final ReplyDrafter drafter;
  private final ReplyDrafter acknowledgement = new OfflineDrafter();
  private final ReplyComposer composer;
  private final ReplyTransport transport;
  private final ThreadContext threadContext = new ThreadContext();
  private final DraftInspector inspector;
  private final ReplyLimit replyLimit;
  private final WorkerMetrics metrics;
  private final Clock clock;

  public ReplyWorkflow(
      WorkerSettings settings,
      MessageLedger ledger,
      DraftPlanner planner,
      ReplyDrafter drafter,
      ReplyTransport transport,
      ReplyLimit replyLimit,
      WorkerMetrics metrics,
      Clock clock) {
    this.settings = settings;
    this.ownAddresses = settings.mailboxes().stream()
        .map(address -> address.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    this.parser = new MailParser();
    this.filter = new LoopSafetyFilter();
    this.ledger = new CountingLedger(ledger, metrics);
    this.planner = planner;
    this.drafter = drafter;
    this.composer = new ReplyComposer(clock);
    this.transport = transport;
    this.inspector = new DraftInspector(settings);
    this.replyLimit = replyLimit;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Processes one mail. Returns the decision once it is recorded in the ledger.
   *
   * @throws TransientFailureException when the model or Gmail failed in a way that may pass; the
   *     claim is released so that a redelivery tries again
   */
  public ProcessedMessage process(IncomingMessage message) {
    InboundMail mail = parser.parse(message.rfc822());
    MailDecision decision = filter.evaluate(mail, ownAddresses);

    if (!ledger.claim(settings.tenant(), message.messageId(), message.mailbox())) {
      return alreadyClaimed(message);
    }

    try {
      return switch (decision.outcome()) {
        case SKIP -> record(message, LedgerState.SKIPPED, MessageOutcome.SKIPPED, decision.code());
        case REVIEW -> record(message, LedgerState.REVIEW, MessageOutcome.REVIEW, decision.code());
        case REPLY -> reply(message, mail);
      };
    } catch (TransientFailureException | LedgerException e) {
      throw e;
    } catch (RuntimeException e) {
      // A defect must not leave the claim open forever: the mail goes to a person instead.
      LOG.error("tenant {} message {}: processing failed, left for review", settings.tenant(),
          message.messageId(), e);
      return record(message, LedgerState.FAILED, MessageOutcome.FAILED, "internal_error");
    }
  }

  /**
   * Handles a message another delivery or worker has claimed. A final state means it is done. A
   * claim still open, or one released since, may belong to a worker that is processing it now or
   * that died. The delivery is therefore retried later, so the cursor cannot move past the mail
   * before its outcome is recorded or its claim expires.
   */
  private ProcessedMessage alreadyClaimed(IncomingMessage message) {
    Optional<LedgerState> state = ledger.state(settings.tenant(), message.messageId());
    if (state.isEmpty() || state.get() == LedgerState.CLAIMED) {
      LOG.info("tenant {} message {}: claimed by another delivery that has not finished; will retry",
          settings.tenant(), message.messageId());
      throw new TransientFailureException("message " + message.messageId() + " is claimed but not finished", null);
    }
    LOG.debug("tenant {} message {}: already {}, nothing to do", settings.tenant(), message.messageId(),
        state.get().storedValue());
    return finish(message, MessageOutcome.DUPLICATE, "already_claimed", null);
  }

  private ProcessedMessage reply(IncomingMessage message, InboundMail mail) {
    DraftRequest request = planner.plan(message, mail, threadText(message, mail));
    DraftedReply draft;
    String sentReason = "sent";
    try {
      draft = drafter.draft(request);
    } catch (DraftBlockedException e) {
      LOG.info("tenant {} message {}: model returned no usable reply ({}), left for review",
          settings.tenant(), message.messageId(), e.reason());
      return record(message, LedgerState.REVIEW, MessageOutcome.REVIEW, "model_blocked");
    } catch (DraftFailedException e) {
      if (!e.transientFailure() || !"acknowledge".equals(settings.whenModelUnavailable())) {
        return failDraft(message, e);
      }
      LOG.warn("tenant {} message {}: model unavailable, sending the template acknowledgement: {}",
          settings.tenant(), message.messageId(), e.getMessage());
      draft = acknowledgement.draft(request);
      sentReason = "acknowledged";
    }
    metrics.countModelTokens(draft.model(), draft.promptTokens(), draft.outputTokens());

    DraftVerdict verdict = inspector.inspect(message.messageId(), draft.text(), mail.replyRecipients());
    if (!verdict.isOk()) {
      return record(message, LedgerState.REVIEW, MessageOutcome.REVIEW, verdict.code());
    }

    byte[] reply;
    try {
      reply = composer.compose(mail, message.mailbox(), draft.text());
    } catch (IllegalArgumentException e) {
      LOG.info("tenant {} message {}: cannot address a reply ({}), left for review",
          settings.tenant(), message.messageId(), e.getMessage());
      return record(message, LedgerState.REVIEW, MessageOutcome.REVIEW, "invalid_recipient");
    }
    return deliver(message, mail, reply, sentReason);
  }

  private ProcessedMessage failDraft(IncomingMessage message, DraftFailedException e) {
    if (e.transientFailure()) {
      ledger.releaseClaim(settings.tenant(), message.messageId());
      LOG.warn("tenant {} message {}: drafting failed, will retry: {}",
          settings.tenant(), message.messageId(), e.getMessage());
      throw new TransientFailureException("drafting failed for message " + message.messageId(), e);
    }
    LOG.error("tenant {} message {}: drafting failed permanently, left for review: {}",
        settings.tenant(), message.messageId(), e.getMessage());
    return record(message, LedgerState.FAILED, MessageOutcome.FAILED, "draft_failed");
  }

  private ProcessedMessage deliver(
      IncomingMessage message, InboundMail mail, byte[] reply, String sentReason) {
    String mode = settings.mode() == null ? "send" : settings.mode();
    try {
      // First, because an earlier attempt may have sent the reply and died before recording it.
      if (!mode.equals("shadow") && alreadyReplied(message, mail)) {
        LedgerState state = mode.equals("draft") ? LedgerState.DRAFTED : LedgerState.SENT;
        return finishRecorded(message, state, MessageOutcome.REPLIED, "already_replied", null);
      }
    } catch (IOException e) {
      ledger.releaseClaim(settings.tenant(), message.messageId());
      LOG.warn("tenant {} message {}: cannot read the thread, will retry: {}",
          settings.tenant(), message.messageId(), e.toString());
      throw new TransientFailureException("reading the thread of message " + message.messageId() + " failed", e);
    }
    if (mode.equals("send") && !takeReplyLimit(message, mail)) {
      return record(message, LedgerState.SKIPPED, MessageOutcome.SKIPPED, "reply_limit");
    }
    try {
      switch (mode) {
        case "draft" -> {
          transport.createDraft(message.mailbox(), message.threadId(), reply);
          return finishRecorded(message, LedgerState.DRAFTED, MessageOutcome.REPLIED, "drafted", reply);
        }
        case "shadow" -> {
          return finishRecorded(message, LedgerState.SKIPPED, MessageOutcome.SKIPPED, "shadow_mode", reply);
        }
        default -> {
          transport.send(message.mailbox(), message.threadId(), reply);
          metrics.recordReplyLatency(Duration.between(message.notifiedAt(), clock.instant()));
          return finishRecorded(message, LedgerState.SENT, MessageOutcome.REPLIED, sentReason, reply);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (mode.equals("send")) {
        replyLimit.release(settings.tenant(), recipient(mail), message.threadId());
      }
      ledger.releaseClaim(settings.tenant(), message.messageId());
      LOG.warn("tenant {} message {}: Gmail rejected the reply, will retry: {}",
          settings.tenant(), message.messageId(), e.toString());
      throw new TransientFailureException("sending the reply to message " + message.messageId() + " failed", e);
    }
  }

  /**
   * Reads the earlier messages of the thread of a mail that replies to one. The context only
   * improves the draft, so a failure to read it is logged and the mail is drafted without it.
   */
  private String threadText(IncomingMessage message, InboundMail mail) {
    if (mail.inReplyTo() == null && mail.references().isEmpty()) {
      return "";
    }
    try {
      return threadContext.render(transport.earlierMessages(message.mailbox(), message.threadId(),
          message.messageId(), ThreadContext.MAX_MESSAGES));
    } catch (IOException | RuntimeException e) {
      LOG.warn("tenant {} message {}: cannot read the thread, drafting without it: {}",
          settings.tenant(), message.messageId(), e.toString());
      return "";
    }
  }

  /** Labels the mail in Gmail; the ledger already contains the decision, so a failure is only logged. */
  private void labelForReview(IncomingMessage message) {
    try {
      transport.markForReview(message.mailbox(), message.messageId());
    } catch (IOException | RuntimeException e) {
      LOG.warn("tenant {} message {}: cannot add the review label: {}", settings.tenant(),
          message.messageId(), e.toString());
    }
  }

  /** Looks for our marked reply in the thread; mail without a Message-ID carries no marker. */
  private boolean alreadyReplied(IncomingMessage message, InboundMail mail) throws IOException {
    if (mail.messageId() == null) {
      return false;
    }
    return transport.hasReplyTo(message.mailbox(), message.threadId(), mail.messageId());
  }

  private boolean takeReplyLimit(IncomingMessage message, InboundMail mail) {
    try {
      return replyLimit.tryAcquire(settings.tenant(), recipient(mail), message.threadId(),
          message.messageId(), clock.instant());
    } catch (ReplyLimitException e) {
      ledger.releaseClaim(settings.tenant(), message.messageId());
      LOG.warn("tenant {} message {}: reply limit unavailable, will retry: {}",
          settings.tenant(), message.messageId(), e.getMessage());
      throw new TransientFailureException("reply limit of message " + message.messageId() + " unavailable", e);
    }
  }

  /** Returns the first reply recipient; the loop-safety filter has skipped mail without one. */
  private static String recipient(InboundMail mail) {
    return mail.replyRecipients().get(0);
  }

  private ProcessedMessage record(
      IncomingMessage message, LedgerState state, MessageOutcome outcome, String reason) {
    return finishRecorded(message, state, outcome, reason, null);
  }

  private ProcessedMessage finishRecorded(
      IncomingMessage message, LedgerState state, MessageOutcome outcome, String reason, byte[] reply) {
    ledger.recordOutcome(settings.tenant(), message.messageId(), state, reason);
    if (state == LedgerState.REVIEW || state == LedgerState.FAILED) {
      labelForReview(message);
    }
    LOG.info("tenant {} mailbox {} message {}: {} ({})",
        settings.tenant(), message.mailbox(), message.messageId(), outcome.labelValue(), reason);
    return finish(message, outcome, reason, reply);
  }

  private ProcessedMessage finish(
      IncomingMessage message, MessageOutcome outcome, String reason, byte[] reply) {
    metrics.countMessage(outcome, reason);
    return new ProcessedMessage(message.messageId(), outcome, reason, reply);
  }
}
