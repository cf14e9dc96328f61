package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.memory.MemoryMatch;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.AgentReply;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.PipelineStep;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.core.internal.stream.StreamSink;
import dev.codexcontinue.core.memory.SessionLock;
import dev.codexcontinue.core.tool.ToolExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The state of one turn as it moves through the steps. Each step reads what earlier steps left and
 * adds its own part; only the turn's thread touches it.
 */
final class TurnContext {
  final AgentRuntime runtime;
  final AgentRequest request;
  final String turnId;
  final TurnCancellation cancellation;
  final long startNanos;
  final Instant startTime;
  final Instant deadline;
  @Nullable final StreamSink<AgentReply> sink;
  final TurnTracer tracer;
  @Nullable TurnTracer.Open turnSpan;
  @Nullable TurnTracer.Open stepSpan;

  /** When the current streamed model call delivered its first chunk; 0 before it does. */
  volatile long firstChunkNanos;

  @Nullable SessionLock lock;
  @Nullable float[] messageVector;
  List<ChatMessage> history = List.of();
  List<MemoryMatch> memories = List.of();
  List<ToolSpec> toolSpecs = List.of();
  List<ChatMessage> prompt = List.of();
  final List<ChatMessage> turnMessages = new ArrayList<>();
  final List<ToolExecution> executions = new ArrayList<>();

  /** Model responses and tool executions in the order they happened, for the conversation log. */
  final List<Object> transcript = new ArrayList<>();

  TokenUsage usage = TokenUsage.ZERO;
  StopReason stopReason = StopReason.COMPLETED;
  FinishReason finishReason = FinishReason.STOP;
  int modelCalls;
  @Nullable ChatMessage lastAssistant;
  final Map<PipelineStep, Duration> timings = new EnumMap<>(PipelineStep.class);
  @Nullable AgentReply reply;

  TurnContext(
      AgentRuntime runtime,
      AgentRequest request,
      String turnId,
      TurnCancellation cancellation,
      @Nullable StreamSink<AgentReply> sink) {
    this.runtime = runtime;
    this.request = request;
    this.turnId = turnId;
    this.cancellation = cancellation;
    this.sink = sink;
    this.startNanos = System.nanoTime();
    this.startTime = runtime.clock().instant();
    this.deadline = startTime.plus(runtime.options().maxWallClock());
    this.tracer = new TurnTracer(runtime.spanListeners(), runtime.clock());
  }

  SessionKey session() {
    return request.session();
  }

  /** Returns the nanoseconds left of the turn's wall-clock budget (negative when spent). */
  long remainingNanos() {
    return runtime.options().maxWallClock().toNanos() - (System.nanoTime() - startNanos);
  }

  /** Sends a chunk to the streaming consumer, if the turn streams. */
  void emit(ChatChunk chunk) {
    if (sink != null) {
      sink.onChunk(chunk);
    }
  }

  Optional<float[]> messageVector() {
    return Optional.ofNullable(messageVector);
  }

  /** Returns the context tools run with: who, until when, and the cancellation signal. */
  ToolContext toolContext() {
    ToolContext.Builder b =
        ToolContext.builder()
            .userId(session().userId())
            .sessionId(session().sessionId())
            .deadline(deadline)
            .cancelled(cancellation::isCancelled);
    request.attributes().forEach(b::attribute);
    return b.build();
  }
}
