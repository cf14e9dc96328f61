package dev.codexcontinue.core.internal.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.core.AgentListener;
import dev.codexcontinue.core.AgentOptions;
import dev.codexcontinue.core.PipelineStep;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.core.internal.Json;
import dev.codexcontinue.core.tool.ToolExecution;
import dev.codexcontinue.core.trace.SpanKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5: the tool loop. Calls the model; while it asks for tools, runs them through the tool
 * executor (schema validation, policy, approval, parallel execution) and feeds the results back,
 * until the model answers or a budget stops the loop: model calls, tool calls, a repeated identical
 * call, wall clock, tokens. Calls a budget stops are answered with a "not executed" tool message,
 * so the conversation stays well-formed.
 */
final class CallModelStep implements Step {
  private static final Logger log = LoggerFactory.getLogger(CallModelStep.class);

  private final ModelInvoker invoker;

  CallModelStep(ModelInvoker invoker) {
    this.invoker = invoker;
  }

  @Override
  public PipelineStep kind() {
    return PipelineStep.CALL_LLM;
  }

  @Override
  public String run(TurnContext turn) {
    AgentOptions options = turn.runtime.options();
    Map<String, Integer> callCounts = new HashMap<>();
    int toolCalls = 0;
    while (true) {
      turn.cancellation.throwIfCancelled();
      StopReason budget = spentBudget(turn, options);
      if (budget != null) {
        turn.stopReason = budget;
        break;
      }
      ChatResponse response;
      try {
        response = ModelCall.run(invoker, request(turn), turn);
      } catch (ModelInvoker.WallClockExceeded e) {
        turn.stopReason = StopReason.WALL_CLOCK;
        break;
      }
      record(turn, response);
      List<ToolCall> calls = response.toolCalls();
      if (calls.isEmpty()) {
        turn.stopReason = StopReason.COMPLETED;
        break;
      }
      StopReason stop = refusal(turn, options, calls, toolCalls, callCounts);
      if (stop != null) {
        turn.stopReason = stop;
        answerUnexecuted(turn, calls, stop);
        break;
      }
      toolCalls += calls.size();
      runTools(turn, calls);
    }
    return "modelCalls=" + turn.modelCalls + " toolCalls=" + toolCalls + " stop=" + turn.stopReason;
  }

  private static ChatRequest request(TurnContext turn) {
    List<ChatMessage> messages = new ArrayList<>(turn.prompt);
    messages.addAll(turn.turnMessages);
    ChatRequest.Builder b = ChatRequest.builder().messages(messages).tools(turn.toolSpecs);
    turn.runtime.options().model().ifPresent(b::model);
    return b.build();
  }

  private static void record(TurnContext turn, ChatResponse response) {
    turn.modelCalls++;
    turn.usage = turn.usage.plus(response.usage());
    turn.finishReason = response.finishReason();
    turn.lastAssistant = response.message();
    turn.turnMessages.add(response.message());
    turn.transcript.add(response);
  }

  /** Returns the budget that forbids another model call, or null. */
  @javax.annotation.Nullable
  private static StopReason spentBudget(TurnContext turn, AgentOptions options) {
    if (turn.remainingNanos() <= 0) {
      return StopReason.WALL_CLOCK;
    }
    if (options.maxTotalTokens() > 0 && turn.usage.totalTokens() >= options.maxTotalTokens()) {
      return StopReason.TOKEN_BUDGET;
    }
    return null;
  }

  /** Returns why the requested calls must not run, or null when they may. */
  @javax.annotation.Nullable
  private static StopReason refusal(
      TurnContext turn,
      AgentOptions options,
      List<ToolCall> calls,
      int toolCallsSoFar,
      Map<String, Integer> callCounts) {
    if (turn.modelCalls >= options.maxIterations()) {
      return StopReason.MAX_ITERATIONS;
    }
    if (toolCallsSoFar + calls.size() > options.maxToolCalls()) {
      return StopReason.MAX_TOOL_CALLS;
    }
    if (options.maxRepeatedCalls() > 0) {
      Map<String, Integer> next = new HashMap<>(callCounts);
      for (ToolCall call : calls) {
        if (next.merge(identity(call), 1, Integer::sum) > options.maxRepeatedCalls()) {
          return StopReason.REPEATED_CALL;
        }
      }
      callCounts.putAll(next);
    }
    return null;
  }

  /** Identifies a call by tool and arguments; argument key order and spacing do not matter. */
  private static String identity(ToolCall call) {
    try {
      Object tree = Json.mapper().treeToValue(Json.parse(call.arguments()), Object.class);
      return call.name() + ' ' + Json.write(sortedKeys(tree));
    } catch (JsonProcessingException | RuntimeException e) {
      return call.name() + ' ' + call.arguments();
    }
  }

  private static Object sortedKeys(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), sortedKeys(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CallModelStep::sortedKeys).toList();
    }
    return value;
  }

  private static void runTools(TurnContext turn, List<ToolCall> calls) {
    List<ToolExecution> executions = turn.runtime.tools().executeAll(calls, turn.toolContext());
    for (ToolExecution execution : executions) {
      ToolCall call = execution.call();
      turn.executions.add(execution);
      turn.transcript.add(execution);
      traceTool(turn, execution);
      turn.turnMessages.add(ChatMessage.tool(call.id(), call.name(), execution.result().content()));
      turn.emit(new ChatChunk.ToolOutcome(call, execution.result()));
      for (AgentListener listener : turn.runtime.listeners()) {
        try {
          listener.onToolExecution(turn.turnId, turn.session(), execution);
        } catch (RuntimeException e) {
          log.warn("an agent listener threw from onToolExecution; skipped", e);
        }
      }
    }
    turn.cancellation.throwIfCancelled();
  }

  private static void traceTool(TurnContext turn, ToolExecution execution) {
    TurnTracer tracer = turn.tracer;
    if (!tracer.enabled()) {
      return;
    }
    tracer.completed(
        tracer
            .span(turn, SpanKind.TOOL_CALL, "execute_tool", turn.stepSpan)
            .toolCall(execution.call()),
        execution.duration(),
        end -> end.toolOutcome(execution.outcome()));
  }

  private static void answerUnexecuted(TurnContext turn, List<ToolCall> calls, StopReason stop) {
    for (ToolCall call : calls) {
      turn.turnMessages.add(
          ChatMessage.tool(
              call.id(),
              call.name(),
              "not executed: the agent stopped its tool loop (" + stop + ")"));
    }
  }
}
