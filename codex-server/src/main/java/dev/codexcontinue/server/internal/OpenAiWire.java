package dev.codexcontinue.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TokenUsage;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolChoice;
import dev.codexcontinue.api.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the JSON shapes of OpenAI's chat completions API. */
public final class OpenAiWire {
  private OpenAiWire() {}

  /** Reads {@code messages}: roles, text or content parts, assistant tool calls, tool results. */
  public static List<ChatMessage> messages(JsonNode body) {
    JsonNode array = body.get("messages");
    if (!(array instanceof ArrayNode items) || items.isEmpty()) {
      throw HttpError.badRequest("invalid_messages", "'messages' must be a non-empty array");
    }
    List<ChatMessage> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(message(items.get(i), i));
    }
    return out;
  }

  private static ChatMessage message(JsonNode m, int i) {
    String where = "messages[" + i + "]";
    if (!m.isObject()) {
      throw HttpError.badRequest("invalid_messages", where + " must be an object");
    }
    String roleName = Json.string(m, "role").orElseThrow(() -> missing(where + ".role"));
    Role role =
        switch (roleName) {
          case "system", "developer" -> Role.SYSTEM;
          case "user" -> Role.USER;
          case "assistant" -> Role.ASSISTANT;
          case "tool" -> Role.TOOL;
          default ->
              throw HttpError.badRequest(
                  "invalid_messages", where + ".role '" + roleName + "' is not supported");
        };
    ChatMessage.Builder b = ChatMessage.builder(role);
    JsonNode content = m.get("content");
    if (content != null && content.isTextual()) {
      b.text(content.asText());
    } else if (content instanceof ArrayNode parts) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : parts) {
        String type = part.path("type").asText("");
        if (type.equals("text")) {
          text.append(part.path("text").asText(""));
        } else if (type.equals("image_url") && part.path("image_url").has("url")) {
          b.addPart(ImagePart.ofUrl(part.path("image_url").path("url").asText()));
        } else {
          throw HttpError.badRequest(
              "invalid_messages", where + ": content part type '" + type + "' is not supported");
        }
      }
      b.text(text.toString());
    } else if (content != null && !content.isNull()) {
      throw HttpError.badRequest("invalid_messages", where + ".content must be text or parts");
    }
    if (role.equals(Role.ASSISTANT)) {
      for (JsonNode call : m.path("tool_calls")) {
        JsonNode fn = call.path("function");
        b.addToolCall(
            ToolCall.of(
                call.path("id").asText(""),
                fn.path("name").asText(""),
                fn.path("arguments").asText("{}")));
      }
    }
    if (role.equals(Role.TOOL)) {
      b.toolCallId(
          Json.string(m, "tool_call_id").orElseThrow(() -> missing(where + ".tool_call_id")));
    }
    Json.string(m, "name").filter(n -> !n.isEmpty()).ifPresent(b::name);
    return b.build();
  }

  private static HttpError missing(String field) {
    return HttpError.badRequest("missing_field", "'" + field + "' is required");
  }

  /** Reads {@code tools}: function tools with their JSON Schema parameters. */
  public static List<ToolSpec> tools(JsonNode body) {
    List<ToolSpec> out = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      if (!tool.path("type").asText("function").equals("function")) {
        throw HttpError.badRequest("invalid_tools", "only function tools are supported");
      }
      JsonNode fn = tool.path("function");
      String name = Json.string(fn, "name").orElseThrow(() -> missing("tools[].function.name"));
      JsonNode params = fn.get("parameters");
      out.add(
          new ToolSpec(
              name,
              fn.path("description").asText(""),
              params == null || params.isNull() ? ToolSpec.NO_PARAMETERS : Json.text(params)));
    }
    return out;
  }

  /** Reads {@code tool_choice}. */
  public static Optional<ToolChoice> toolChoice(JsonNode body) {
    JsonNode c = body.get("tool_choice");
    if (c == null || c.isNull()) {
      return Optional.empty();
    }
    if (c.isTextual()) {
      return Optional.of(
          switch (c.asText()) {
            case "none" -> ToolChoice.NONE;
            case "required" -> ToolChoice.REQUIRED;
            default -> ToolChoice.AUTO;
          });
    }
    String name = c.path("function").path("name").asText("");
    if (name.isEmpty()) {
      throw HttpError.badRequest("invalid_tool_choice", "tool_choice names no function");
    }
    return Optional.of(ToolChoice.tool(name));
  }

  /** Writes OpenAI's {@code usage} object. */
  public static ObjectNode usage(TokenUsage usage) {
    ObjectNode u = Json.object();
    u.put("prompt_tokens", usage.inputTokens());
    u.put("completion_tokens", usage.outputTokens());
    u.put("total_tokens", usage.totalTokens());
    return u;
  }

  /** Writes assistant tool calls as {@code [{id, type, function:{name, arguments}}]}. */
  public static ArrayNode toolCalls(List<ToolCall> calls) {
    ArrayNode out = Json.array();
    for (ToolCall call : calls) {
      ObjectNode c = out.addObject();
      c.put("id", call.id());
      c.put("type", "function");
      ObjectNode fn = c.putObject("function");
      fn.put("name", call.name());
      fn.put("arguments", call.arguments());
    }
    return out;
  }
}
