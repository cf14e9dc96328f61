package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ContentPart;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.ResponseFormat;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TextPart;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolChoice;
import dev.codexcontinue.api.ToolSpec;
import java.util.Map;
import javax.annotation.Nullable;

/** Writes the body of a chat completions request (OpenAI's {@code CreateChatCompletionRequest}). */
public final class ChatBodies {
  private ChatBodies() {}

  /**
   * Returns the request body.
   *
   * @param request the chat request
   * @param model the model to name in the body, or {@code null} when the URL picks it (Azure
   *     deployments)
   * @param options the provider's wire options
   * @param stream whether to ask for a stream
   * @throws IllegalArgumentException when a tool or response schema is not valid JSON
   */
  public static ObjectNode chat(
      ChatRequest request, @Nullable String model, WireOptions options, boolean stream) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    if (model != null) {
      root.put("model", model);
    }
    ArrayNode messages = root.putArray("messages");
    for (ChatMessage message : request.messages()) {
      messages.add(message(message));
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = root.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.name());
        if (!tool.description().isEmpty()) {
          function.put("description", tool.description());
        }
        function.set("parameters", object(tool.parametersSchema(), "parameters of " + tool.name()));
      }
    }
    request.toolChoice().ifPresent(choice -> root.set("tool_choice", toolChoice(choice, root)));
    request.parallelToolCalls().ifPresent(p -> root.put("parallel_tool_calls", p));
    request.temperature().ifPresent(t -> root.put("temperature", t));
    request.topP().ifPresent(p -> root.put("top_p", p));
    request.maxOutputTokens().ifPresent(n -> root.put(options.maxTokensField(), n));
    if (!request.stop().isEmpty()) {
      ArrayNode stop = root.putArray("stop");
      request.stop().forEach(stop::add);
    }
    request.seed().ifPresent(s -> root.put("seed", s));
    request.user().ifPresent(u -> root.put("user", u));
    responseFormat(request.responseFormat(), root);
    request.reasoningEffort().ifPresent(e -> root.put("reasoning_effort", e));
    request
        .topLogprobs()
        .ifPresent(
            n -> {
              root.put("logprobs", true);
              if (n > 0) {
                root.put("top_logprobs", n);
              }
            });
    if (stream) {
      root.put("stream", true);
      if (options.includeUsage()) {
        root.putObject("stream_options").put("include_usage", true);
      }
    }
    for (Map.Entry<String, Object> option : request.providerOptions().entrySet()) {
      root.set(option.getKey(), Json.toNode(option.getValue()));
    }
    return root;
  }

  private static ObjectNode message(ChatMessage message) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    Role role = message.role();
    node.put("role", role.value());
    if (role.equals(Role.ASSISTANT) && message.hasToolCalls()) {
      String text = message.text();
      if (text.isEmpty()) {
        node.putNull("content");
      } else {
        node.put("content", text);
      }
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
      }
      return node;
    }
    if (role.equals(Role.TOOL)) {
      node.put("tool_call_id", message.toolCallId().orElseThrow());
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
          ObjectNode url = parts.addObject().put("type", "image_url").putObject("image_url");
          url.put("url", image.url());
          if (!image.detail().isEmpty()) {
            url.put("detail", image.detail());
          }
        }
      }
    }
    message.name().ifPresent(name -> node.put("name", name));
    return node;
  }

  private static JsonNode toolChoice(ToolChoice choice, ObjectNode root) {
    if (choice.toolName().isEmpty()) {
      return root.textNode(choice.mode());
    }
    ObjectNode forced = root.objectNode().put("type", "function");
    forced.putObject("function").put("name", choice.toolName().get());
    return forced;
  }

  private static void responseFormat(ResponseFormat format, ObjectNode root) {
    switch (format.type()) {
      case "json_object" -> root.putObject("response_format").put("type", "json_object");
      case "json_schema" -> {
        ObjectNode spec =
            root.putObject("response_format").put("type", "json_schema").putObject("json_schema");
        spec.put("name", format.name().orElseThrow());
        ObjectNode schema = object(format.schema().orElseThrow(), "response schema");
        spec.set("schema", format.isStrict() ? StrictSchemas.strict(schema) : schema);
        spec.put("strict", format.isStrict());
      }
      default -> {
        // Free text is the server's default: sending nothing keeps old servers happy.
      }
    }
  }

  private static ObjectNode object(String json, String what) {
    try {
      JsonNode node = Json.parse(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    throw new IllegalArgumentException(what + " is not a JSON object");
  }
}
