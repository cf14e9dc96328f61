package dev.codexcontinue.otel;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attribute keys of the OpenTelemetry GenAI semantic conventions this bridge sets, and its own
 * {@code codex.*} keys for what the conventions do not name. The GenAI conventions are still in
 * development; the keys follow their registry as of v1.37, with {@code gen_ai.system} kept beside
 * its successor {@code gen_ai.provider.name} for backends that read the older name.
 */
public final class GenAiAttributes {
  /** {@code gen_ai.operation.name}: {@code invoke_agent}, {@code chat} or {@code execute_tool}. */
  public static final AttributeKey<String> OPERATION_NAME =
      AttributeKey.stringKey("gen_ai.operation.name");

  /** {@code gen_ai.provider.name}: the provider, e.g. {@code openai}, {@code azure.ai.openai}. */
  public static final AttributeKey<String> PROVIDER_NAME =
      AttributeKey.stringKey("gen_ai.provider.name");

  /** {@code gen_ai.system}: the provider, under its name before v1.37. */
  public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");

  /** {@code gen_ai.request.model}. */
  public static final AttributeKey<String> REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");

  /** {@code gen_ai.response.model}. */
  public static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");

  /** {@code gen_ai.response.id}. */
  public static final AttributeKey<String> RESPONSE_ID =
      AttributeKey.stringKey("gen_ai.response.id");

  /** {@code gen_ai.response.finish_reasons}. */
  public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");

  /** {@code gen_ai.usage.input_tokens}. */
  public static final AttributeKey<Long> USAGE_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");

  /** {@code gen_ai.usage.output_tokens}. */
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");

  /** {@code gen_ai.conversation.id}: the session id. */
  public static final AttributeKey<String> CONVERSATION_ID =
      AttributeKey.stringKey("gen_ai.conversation.id");

  /** {@code gen_ai.agent.name}. */
  public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");

  /** {@code gen_ai.tool.name}. */
  public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");

  /** {@code gen_ai.tool.call.id}. */
  public static final AttributeKey<String> TOOL_CALL_ID =
      AttributeKey.stringKey("gen_ai.tool.call.id");

  /** {@code gen_ai.tool.type}: always {@code function}. */
  public static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");

  /** {@code error.type}: the exception's class name, or a tool call's outcome. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** {@code codex.turn.id}: the agent turn's id. */
  public static final AttributeKey<String> TURN_ID = AttributeKey.stringKey("codex.turn.id");

  /** {@code codex.stop_reason}: why a turn's tool loop stopped. */
  public static final AttributeKey<String> STOP_REASON =
      AttributeKey.stringKey("codex.stop_reason");

  /** {@code codex.pipeline.step}: the pipeline step of a step span. */
  public static final AttributeKey<String> PIPELINE_STEP =
      AttributeKey.stringKey("codex.pipeline.step");

  /** {@code codex.step.detail}: a step's content-free summary (counts, sizes). */
  public static final AttributeKey<String> STEP_DETAIL =
      AttributeKey.stringKey("codex.step.detail");

  /** {@code codex.response.time_to_first_token}: seconds to a streamed call's first chunk. */
  public static final AttributeKey<Double> TIME_TO_FIRST_TOKEN =
      AttributeKey.doubleKey("codex.response.time_to_first_token");

  /** {@code codex.rate_limit.wait}: seconds a model call waited for the client rate limiter. */
  public static final AttributeKey<Double> RATE_LIMIT_WAIT =
      AttributeKey.doubleKey("codex.rate_limit.wait");

  /** {@code codex.streaming}: whether the call or turn streamed. */
  public static final AttributeKey<Boolean> STREAMING = AttributeKey.booleanKey("codex.streaming");

  /** {@code codex.tool.outcome}: how a tool call ended. */
  public static final AttributeKey<String> TOOL_OUTCOME =
      AttributeKey.stringKey("codex.tool.outcome");

  private GenAiAttributes() {}
}
