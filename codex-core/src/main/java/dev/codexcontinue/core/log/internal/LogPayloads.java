package dev.codexcontinue.core.log.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.FinishReason;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.memory.SessionKey;
import dev.codexcontinue.core.StopReason;
import dev.codexcontinue.core.internal.Json;
import dev.codexcontinue.core.log.LogRecord;
import dev.codexcontinue.core.memory.ChatMessageCodec;
import dev.codexcontinue.core.tool.ToolExecution;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON payload of each {@link LogRecord}; messages in {@link ChatMessageCodec}'s form. Reading
 * is strict: a missing field or a value of the wrong type is an {@link IllegalArgumentException},
 * never a record with a hole.
 *
 * <pre>{@code
 * {"type":"turn_start","turn":"t1","user":"u","session":"s","time":"2026-01-01T00:00:00Z","message":{...}}
 * {"type":"model_response","turn":"t1","user":"u","session":"s","message":{...},
 *  "input_tokens":12,"output_tokens":3,"finish_reason":"stop","response_id":"r1","model":"m"}
 * {"type":"tool_execution","turn":"t1","user":"u","session":"s","call":{"id":..,"name":..,"arguments":..},
 *  "outcome":"EXECUTED","error":false,"content":"...","duration_ms":5}
 * {"type":"stop","turn":"t1","user":"u","session":"s","reason":"COMPLETED"}
 * {"type":"turn_end","turn":"t1","user":"u","session":"s","time":"...","input_tokens":12,"output_tokens":3,"model_calls":1}
 * }</pre>
 */
public final class LogPayloads {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LogPayloads() {}

  /** Returns the payload of {@code record} as UTF-8 JSON. */
  public static byte[] write(LogRecord record) {
    ObjectNode node = NODES.objectNode();
    node.put("type", type(record));
    node.put("turn", record.turnId());
    node.put("user", record.session().userId());
    node.put("session", record.session().sessionId());
    if (record instanceof LogRecord.TurnStarted r) {
      node.put("time", r.time().toString());
      node.set("message", ChatMessageCodec.toTree(r.message()));
    } else if (record instanceof LogRecord.ModelResponded r) {
      node.set("message", ChatMessageCodec.toTree(r.message()));
      usage(node, r.usage());
      node.put("finish_reason", r.finishReason().value());
      node.put("response_id", r.responseId());
      node.put("model", r.model());
    } else if (record instanceof LogRecord.ToolExecuted r) {
      ObjectNode call = node.putObject("call");
      call.put("id", r.call().id());
      call.put("name", r.call().name());
      call.put("arguments", r.call().arguments());
      node.put("outcome", r.outcome().name());
      node.put("error", r.error());
      node.put("content", r.content());
      node.put("duration_ms", r.duration().toMillis());
    } else if (record instanceof LogRecord.TurnStopped r) {
      node.put("reason", r.reason().name());
    } else if (record instanceof LogRecord.TurnEnded r) {
      node.put("time", r.time().toString());
      usage(node, r.usage());
      node.put("model_calls", r.modelCalls());
    }
    return Json.write(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a payload.
   *
   * @throws IllegalArgumentException when it is not a valid record
   */
  public static LogRecord read(byte[] bytes, int offset, int length) {
    JsonNode node;
    try {
      node = Json.parse(new String(bytes, offset, length, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("payload is not valid JSON", e);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("payload is not a JSON object");
    }
    String turn = text(node, "turn");
    SessionKey session = SessionKey.of(text(node, "user"), text(node, "session"));
    String type = text(node, "type");
    try {
      return switch (type) {
        case "turn_start" -> new LogRecord.TurnStarted(turn, session, time(node), message(node));
        case "model_response" ->
            new LogRecord.ModelResponded(
                turn,
                session,
                message(node),
                usage(node),
                FinishReason.of(text(node, "finish_reason")),
                text(node, "response_id"),
                text(node, "model"));
        case "tool_execution" -> toolExecuted(node, turn, session);
        case "stop" ->
            new LogRecord.TurnStopped(turn, session, StopReason.valueOf(text(node, "reason")));
        case "turn_end" ->
            new LogRecord.TurnEnded(
                turn, session, time(node), usage(node), count(node, "model_calls"));
        default -> throw new IllegalArgumentException("unknown record type");
      };
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(type + " record is invalid: " + e.getMessage(), e);
    }
  }

  private static LogRecord toolExecuted(JsonNode node, String turn, SessionKey session) {
    JsonNode call = node.get("call");
    if (call == null || !call.isObject()) {
      throw new IllegalArgumentException("call is missing");
    }
    JsonNode error = node.get("error");
    if (error == null || !error.isBoolean()) {
      throw new IllegalArgumentException("error is not a boolean");
    }
    return new LogRecord.ToolExecuted(
        turn,
        session,
        ToolCall.of(text(call, "id"), text(call, "name"), text(call, "arguments")),
        ToolExecution.Outcome.valueOf(text(node, "outcome")),
        error.booleanValue(),
        text(node, "content"),
        Duration.ofMillis(number(node, "duration_ms")));
  }

  private static String type(LogRecord record) {
    if (record instanceof LogRecord.TurnStarted) {
      return "turn_start";
    } else if (record instanceof LogRecord.ModelResponded) {
      return "model_response";
    } else if (record instanceof LogRecord.ToolExecuted) {
      return "tool_execution";
    } else if (record instanceof LogRecord.TurnStopped) {
      return "stop";
    }
    return "turn_end";
  }

  private static void usage(ObjectNode node, TokenUsage usage) {
    node.put("input_tokens", usage.inputTokens());
    node.put("output_tokens", usage.outputTokens());
  }

  private static TokenUsage usage(JsonNode node) {
    return new TokenUsage(count(node, "input_tokens"), count(node, "output_tokens"));
  }

  private static ChatMessage message(JsonNode node) {
    JsonNode message = node.get("message");
    if (message == null) {
      throw new IllegalArgumentException("message is missing");
    }
    return ChatMessageCodec.fromTree(message);
  }

  private static Instant time(JsonNode node) {
    try {
      return Instant.parse(text(node, "time"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("time is not an instant", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " is missing or not a string");
    }
    return value.textValue();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.longValue() < 0) {
      throw new IllegalArgumentException(field + " is missing or not a count");
    }
    return value.longValue();
  }

  private static int count(JsonNode node, String field) {
    long n = number(node, field);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + " is too large");
    }
    return (int) n;
  }
}
