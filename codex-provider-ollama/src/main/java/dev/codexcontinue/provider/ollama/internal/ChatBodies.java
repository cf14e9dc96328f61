package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.ResponseFormat;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolChoice;
import dev.codexcontinue.api.ToolSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the body of {@code POST /api/chat} (the {@code ChatRequest} schema of Ollama's OpenAPI
 * document). Tool calls go back with their arguments as JSON objects, tool results with {@code
 * tool_name} (and {@code tool_call_id}, which current servers read), reasoning as {@code thinking},
 * images as raw base64.
 */
public final class ChatBodies {
  /** Top-level fields of {@code /api/chat} that a provider option sets directly. */
  static final Set<String> TOP_LEVEL =
      Set.of("keep_alive", "think", "format", "logprobs", "top_logprobs", "truncate", "shift");

  private ChatBodies() {}

  /**
   * Returns the body; {@code model} is the resolved model name.
   *
   * @throws IllegalArgumentException when a schema or tool arguments are not JSON objects, or an
   *     image is a remote URL (Ollama takes image bytes)
   */
  public static ObjectNode chat(
      ChatRequest request, String model, WireDefaults defaults, boolean stream) {
    ObjectNode root = Json.object().put("model", model);
    ArrayNode messages = root.putArray("messages");
    Map<String, String> toolNames = new HashMap<>();
    for (ChatMessage message : request.messages()) {
      messages.add(message(message, toolNames));
    }
    boolean toolsOff = request.toolChoice().map(ToolChoice.NONE::equals).orElse(false);
    if (!request.tools().isEmpty() && !toolsOff) {
      ArrayNode tools = root.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.name());
        function.put("description", tool.description());
        function.set("parameters", object(tool.parametersSchema(), "parameters of " + tool.name()));
      }
    }
    format(request.responseFormat(), root);
    request.reasoningEffort().ifPresent(effort -> root.set("think", think(effort)));
    request
        .topLogprobs()
        .ifPresent(
            n -> {
              root.put("logprobs", true);
              if (n > 0) {
                root.put("top_logprobs", n);
              }
            });
    ObjectNode options = Json.object();
    request.temperature().ifPresent(t -> options.put("temperature", t));
    request.topP().ifPresent(p -> options.put("top_p", p));
    request.maxOutputTokens().ifPresent(n -> options.put("num_predict", n));
    request.seed().ifPresent(s -> options.put("seed", s));
    stop(request.stop(), options);
    defaults.apply(root, options);
    root.put("stream", stream);
    ProviderOptions.route(request.providerOptions(), root, options, TOP_LEVEL);
    if (!options.isEmpty()) {
      root.set("options", options);
    }
    return root;
  }

  /** Maps a reasoning effort to {@code think}: a boolean, or a level Ollama knows. */
  static JsonNode think(String effort) {
    String e = effort.strip().toLowerCase(Locale.ROOT);
    return switch (e) {
      case "none", "off", "false", "disabled" -> BooleanNode.FALSE;
      case "true", "on", "enabled" -> BooleanNode.TRUE;
      // OpenAI's smallest effort; Ollama's smallest level is "low".
      case "minimal" -> TextNode.valueOf("low");
      default -> TextNode.valueOf(e);
    };
  }

  /** Adds {@code stop} sequences to {@code options}. */
  static void stop(List<String> stop, ObjectNode options) {
    if (!stop.isEmpty()) {
      ArrayNode array = options.putArray("stop");
      stop.forEach(array::add);
    }
  }

  private static ObjectNode message(ChatMessage message, Map<String, String> toolNames) {
    ObjectNode node = Json.object();
    Role role = message.role();
    node.put("role", role.value());
    node.put("content", message.text());
    message.reasoning().ifPresent(r -> node.put("thinking", r));
    if (!message.images().isEmpty()) {
      ArrayNode images = node.putArray("images");
      for (ImagePart image : message.images()) {
        images.add(
            image
                .base64Data()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Ollama takes images as bytes, not URLs: download the image and pass"
                                + " ImagePart.ofBytes(..)")));
      }
    }
    if (message.hasToolCalls()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        toolNames.put(call.id(), call.name());
        ObjectNode c = calls.addObject().put("id", call.id());
        ObjectNode function = c.putObject("function").put("name", call.name());
        function.set("arguments", object(call.arguments(), "arguments of tool call " + call.id()));
      }
    }
    if (role.equals(Role.TOOL)) {
      String id = message.toolCallId().orElse("");
      String name = message.name().orElseGet(() -> toolNames.getOrDefault(id, ""));
      if (!name.isEmpty()) {
        node.put("tool_name", name);
      }
      node.put("tool_call_id", id);
    }
    return node;
  }

  private static void format(ResponseFormat format, ObjectNode root) {
    switch (format.type()) {
      case "json_object" -> root.put("format", "json");
      case "json_schema" -> root.set("format", object(format.schema().orElseThrow(), "schema"));
      default -> {
        // Free text is the server's default.
      }
    }
  }

  /** Parses JSON text that must be an object. */
  static ObjectNode object(String json, String what) {
    try {
      if (Json.parse(json.isBlank() ? "{}" : json) instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    throw new IllegalArgumentException(what + " is not a JSON object");
  }
}
