package dev.codexcontinue.core.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.api.exception.ToolArgumentException;
import dev.codexcontinue.core.tool.ToolExecution.Outcome;
import dev.codexcontinue.core.tool.internal.ArgumentReader;
import dev.codexcontinue.core.tool.internal.ModelText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ToolExecutor#executeAll} run: prepares every call (lookup, arguments, policy), asks
 * the approver about {@code ask} calls one at a time, then runs the rest with bounded parallelism
 * on worker threads while this thread watches timeouts and cancellation. Not thread-safe: used by
 * the calling thread only.
 */
final class ToolBatch {
  private static final Logger log = LoggerFactory.getLogger(ToolBatch.class);

  /** How often a waiting caller looks at {@link ToolContext#isCancelled()}. */
  private static final long CANCEL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final ToolExecutor owner;
  private final ToolContext context;
  private final long startNanos = System.nanoTime();
  private final List<Slot> slots = new ArrayList<>();

  ToolBatch(ToolExecutor owner, List<ToolCall> calls, ToolContext context) {
    this.owner = owner;
    this.context = context;
    calls.forEach(call -> slots.add(new Slot(call)));
  }

  List<ToolExecution> run() {
    for (Slot slot : slots) {
      prepare(slot);
    }
    for (Slot slot : slots) {
      if (slot.done == null && slot.permission == ToolPermission.ASK) {
        approve(slot);
      }
    }
    Deque<Slot> runnable = new ArrayDeque<>();
    for (Slot slot : slots) {
      if (slot.done == null) {
        runnable.add(slot);
      }
    }
    runAll(runnable);
    List<ToolExecution> executions = new ArrayList<>(slots.size());
    for (Slot slot : slots) {
      executions.add(Objects.requireNonNull(slot.done));
    }
    return List.copyOf(executions);
  }

  /** Finds the tool, reads the arguments and asks the policy; ends the slot when that fails. */
  private void prepare(Slot slot) {
    ToolCall call = slot.call;
    if (isCancelled()) {
      finish(slot, Outcome.CANCELLED, "tool call cancelled");
      return;
    }
    RegisteredTool registered = owner.registered(call.name());
    if (registered == null || !owner.policy().isAdvertised(registered.tool())) {
      finish(slot, Outcome.NOT_AVAILABLE, "tool '" + shown(call.name()) + "' is not available");
      return;
    }
    slot.tool = registered;
    ObjectNode arguments;
    try {
      arguments = ArgumentReader.read(call.name(), call.arguments(), registered.validator());
    } catch (ToolArgumentException e) {
      finish(slot, Outcome.INVALID_ARGUMENTS, invalidArguments(call.name(), e.violations()));
      return;
    }
    ToolInvocation invocation;
    try {
      invocation = ToolInvocation.snapshot(registered.tool(), call, arguments, context);
    } catch (RuntimeException e) {
      finish(slot, Outcome.FAILED, failure(call.name(), e));
      return;
    }
    slot.invocation = invocation;
    String description = invocation.description();
    slot.permission =
        owner
            .policy()
            .decide(
                call.name(),
                () -> ToolPolicy.fallback(registered.tool(), invocation.toCall()),
                () -> description);
    if (slot.permission == ToolPermission.DENY) {
      finish(slot, Outcome.DENIED_BY_POLICY, "tool '" + call.name() + "': denied by policy");
    }
  }

  /** Asks the approver about one call, waiting at most the approval timeout. */
  private void approve(Slot slot) {
    if (isCancelled()) {
      finish(slot, Outcome.CANCELLED, "tool call cancelled");
      return;
    }
    ToolInvocation invocation = Objects.requireNonNull(slot.invocation);
    FutureTask<ApprovalDecision> review =
        new FutureTask<>(() -> owner.approver().review(invocation));
    long deadline = System.nanoTime() + owner.approvalTimeout().toNanos();
    ApprovalDecision decision = null;
    String why;
    try {
      owner.executor().execute(review);
      decision = await(review, deadline);
      why = decision == null ? "no answer" : decision.name();
    } catch (TimeoutException e) {
      review.cancel(true);
      why = "no answer within " + owner.approvalTimeout().toMillis() + " ms";
    } catch (CancellationException e) {
      review.cancel(true);
      finish(slot, Outcome.CANCELLED, "tool call cancelled");
      return;
    } catch (ExecutionException | RejectedExecutionException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      log.warn(
          "approver failed for tool {}; the call is denied: {}",
          invocation.toolName(),
          cause == null ? "unknown" : cause.getClass().getName());
      why = "approver failed";
    }
    if (decision == ApprovalDecision.APPROVE) {
      return;
    }
    log.debug(
        "tool {} call {} denied by user: {}", invocation.toolName(), invocation.callId(), why);
    finish(slot, Outcome.DENIED_BY_USER, "denied by user");
  }

  /**
   * Waits for {@code task} until {@code deadlineNanos}, watching for cancellation.
   *
   * @throws CancellationException when the caller cancelled or this thread was interrupted
   */
  private <T> @Nullable T await(FutureTask<T> task, long deadlineNanos)
      throws ExecutionException, TimeoutException {
    while (true) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException();
      }
      try {
        return task.get(Math.min(left, CANCEL_POLL_NANOS), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (isCancelled()) {
          throw new CancellationException();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException();
      }
    }
  }

  /** Runs the runnable slots, at most maxParallel at once, until each has ended. */
  private void runAll(Deque<Slot> pending) {
    BlockingQueue<Running> completed = new LinkedBlockingQueue<>();
    List<Running> running = new ArrayList<>();
    while (!pending.isEmpty() || !running.isEmpty()) {
      if (isCancelled()) {
        running.forEach(r -> cancel(r, Outcome.CANCELLED, "tool call cancelled"));
        pending.forEach(s -> finish(s, Outcome.CANCELLED, "tool call cancelled"));
        return;
      }
      while (running.size() < owner.maxParallel() && !pending.isEmpty()) {
        start(pending.poll(), completed, running);
      }
      long now = System.nanoTime();
      long wait = CANCEL_POLL_NANOS;
      for (Running r : running) {
        wait = Math.min(wait, r.deadline - now);
      }
      Running done;
      try {
        done = wait > 0 ? completed.poll(wait, TimeUnit.NANOSECONDS) : completed.poll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.forEach(r -> cancel(r, Outcome.CANCELLED, "tool call cancelled"));
        pending.forEach(s -> finish(s, Outcome.CANCELLED, "tool call cancelled"));
        return;
      }
      while (done != null) {
        if (running.remove(done)) {
          collect(done);
        }
        done = completed.poll();
      }
      now = System.nanoTime();
      for (Running r : List.copyOf(running)) {
        if (now - r.deadline >= 0) {
          running.remove(r);
          cancel(r, Outcome.TIMED_OUT, timedOut(r));
        }
      }
    }
  }

  private void start(Slot slot, BlockingQueue<Running> completed, List<Running> running) {
    RegisteredTool registered = Objects.requireNonNull(slot.tool);
    ToolCall canonical = Objects.requireNonNull(slot.invocation).toCall();
    long budget = owner.toolTimeout().toNanos();
    Optional<Instant> runDeadline = context.deadline();
    if (runDeadline.isPresent()) {
      Duration left = Duration.between(owner.clock().instant(), runDeadline.get());
      if (left.isNegative() || left.isZero()) {
        finish(
            slot,
            Outcome.TIMED_OUT,
            "tool '" + slot.call.name() + "' was not started: the run's deadline has passed");
        return;
      }
      if (left.compareTo(owner.toolTimeout()) < 0) {
        budget = left.toNanos();
      }
    }
    Running r = new Running(slot, () -> registered.tool().execute(canonical, context), completed);
    r.budgetNanos = budget;
    r.deadline = System.nanoTime() + budget;
    try {
      owner.executor().execute(r);
      running.add(r);
    } catch (RejectedExecutionException e) {
      finish(slot, Outcome.FAILED, "tool '" + slot.call.name() + "' could not be started");
    }
  }

  private void collect(Running r) {
    String name = r.slot.call.name();
    try {
      ToolResult result = r.get();
      if (result == null) {
        finish(r.slot, Outcome.FAILED, "tool '" + name + "' returned no result");
      } else if (result.isError()) {
        finish(r.slot, Outcome.FAILED, result.content());
      } else {
        finish(r.slot, Outcome.EXECUTED, result.content());
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      finish(r.slot, Outcome.FAILED, failure(name, cause));
    } catch (InterruptedException | CancellationException e) {
      // The task is done (it signalled completion), so get() neither blocks nor throws these.
      finish(r.slot, Outcome.CANCELLED, "tool call cancelled");
    }
  }

  private void cancel(Running r, Outcome outcome, String message) {
    r.cancel(true);
    finish(r.slot, outcome, message);
  }

  private boolean isCancelled() {
    try {
      return context.isCancelled() || Thread.currentThread().isInterrupted();
    } catch (RuntimeException e) {
      log.warn("ToolContext.isCancelled() threw {}; treating the run as cancelled", e.getClass());
      return true;
    }
  }

  private void finish(Slot slot, Outcome outcome, String text) {
    if (slot.done != null) {
      return;
    }
    String content = owner.redact(ModelText.sanitize(owner.redact(text), owner.maxOutputChars()));
    ToolResult result = new ToolResult(content, outcome != Outcome.EXECUTED);
    Duration took = Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    slot.done = new ToolExecution(slot.call, result, outcome, took);
    log.debug(
        "tool {} call {} -> {} in {} ms",
        shown(slot.call.name()),
        shown(slot.call.id()),
        outcome,
        took.toMillis());
  }

  private static String timedOut(Running r) {
    return "tool '"
        + r.slot.call.name()
        + "' timed out after "
        + TimeUnit.NANOSECONDS.toMillis(r.budgetNanos)
        + " ms";
  }

  private static String invalidArguments(String toolName, List<String> violations) {
    StringBuilder sb =
        new StringBuilder("invalid arguments for tool '").append(toolName).append("':");
    violations.forEach(v -> sb.append('\n').append(v));
    return sb.append("\nFix the arguments and call the tool again.").toString();
  }

  private static String failure(String toolName, Throwable e) {
    String detail = e instanceof CodexException ? e.getMessage() : LambdaTool.summary(e);
    if (e instanceof ToolArgumentException argument) {
      return invalidArguments(toolName, argument.violations());
    }
    return "tool '" + toolName + "' failed: " + clip(String.valueOf(detail), 2000);
  }

  /** Returns model-supplied text (a tool name, a call id) fit for a message or a log line. */
  private static String shown(String text) {
    return ModelText.sanitize(text, 80);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "\u2026";
  }

  /** One call of the batch and what has been decided about it so far. */
  private static final class Slot {
    final ToolCall call;
    @Nullable RegisteredTool tool;
    @Nullable ToolInvocation invocation;
    ToolPermission permission = ToolPermission.DENY;
    @Nullable ToolExecution done;

    Slot(ToolCall call) {
      this.call = call;
    }
  }

  /** A tool running on a worker; reports itself to the batch's queue when it ends. */
  private static final class Running extends FutureTask<ToolResult> {
    final Slot slot;
    private final BlockingQueue<Running> completed;
    long deadline;
    long budgetNanos;

    Running(Slot slot, Callable<ToolResult> work, BlockingQueue<Running> completed) {
      super(work);
      this.slot = slot;
      this.completed = completed;
    }

    @Override
    protected void done() {
      completed.add(this);
    }
  }
}
