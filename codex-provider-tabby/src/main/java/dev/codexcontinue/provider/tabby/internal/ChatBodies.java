package dev.codexcontinue.provider.tabby.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ContentPart;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TextPart;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import java.util.Map;

/**
 * Writes the body Tabby's {@code /v1/chat/completions} takes: OpenAI's chat completion request,
 * always streamed. Tabby answers with its configured chat model whatever {@code model} says, so a
 * request without a model sends {@code ""} (the field is required by its parser).
 */
public final class ChatBodies {
  private ChatBodies() {}

  /**
   * Returns the request body.
   *
   * @throws UnsupportedCapabilityException when the request asks for structured output
   * @throws IllegalArgumentException when a tool's parameter schema is not a JSON object
   */
  public static ObjectNode chat(ChatRequest request, String provider) {
    if (!request.responseFormat().type().equals("text")) {
      throw new UnsupportedCapabilityException(provider, Capability.STRUCTURED_OUTPUT.name());
    }
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("model", request.model().orElse(""));
    ArrayNode messages = root.putArray("messages");
    request.messages().forEach(m -> messages.add(message(m)));
    if (!request.tools().isEmpty()) {
      ArrayNode tools = root.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.name());
        if (!tool.description().isEmpty()) {
          function.put("description", tool.description());
        }
        function.set("parameters", schema(tool));
      }
    }
    request
        .toolChoice()
        .ifPresent(
            choice -> {
              if (choice.toolName().isEmpty()) {
                root.put("tool_choice", choice.mode());
              } else {
                ObjectNode forced = root.putObject("tool_choice").put("type", "function");
                forced.putObject("function").put("name", choice.toolName().get());
              }
            });
    request.parallelToolCalls().ifPresent(p -> root.put("parallel_tool_calls", p));
    request.temperature().ifPresent(t -> root.put("temperature", t));
    request.topP().ifPresent(p -> root.put("top_p", p));
    request.maxOutputTokens().ifPresent(n -> root.put("max_tokens", n));
    if (!request.stop().isEmpty()) {
      ArrayNode stop = root.putArray("stop");
      request.stop().forEach(stop::add);
    }
    request.seed().ifPresent(s -> root.put("seed", s));
    request.user().ifPresent(u -> root.put("user", u));
    root.put("stream", true);
    for (Map.Entry<String, Object> option : request.providerOptions().entrySet()) {
      root.set(option.getKey(), Json.MAPPER.valueToTree(option.getValue()));
    }
    return root;
  }

  private static ObjectNode message(ChatMessage message) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    Role role = message.role();
    node.put("role", role.value());
    if (role.equals(Role.TOOL)) {
      node.put("tool_call_id", message.toolCallId().orElse(""));
      node.put("content", message.text());
      return node;
    }
    if (message.images().isEmpty()) {
      node.put("content", message.text());
    } else {
      ArrayNode parts = node.putArray("content");
      for (ContentPart part : message.parts()) {
        if (part instanceof TextPart text) {
          parts.addObject().put("type", "text").put("text", text.text());
        } else if (part instanceof ImagePart image) {
          parts.addObject().put("type", "image_url").putObject("image_url").put("url", image.url());
        }
      }
    }
    if (message.hasToolCalls()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
      }
    }
    message.name().ifPresent(name -> node.put("name", name));
    return node;
  }

  private static JsonNode schema(ToolSpec tool) {
    try {
      JsonNode node = Json.parse(tool.parametersSchema());
      if (node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "parameters of " + tool.name() + " are not valid JSON: " + e.getOriginalMessage(), e);
    }
    throw new IllegalArgumentException("parameters of " + tool.name() + " are not a JSON object");
  }
}
