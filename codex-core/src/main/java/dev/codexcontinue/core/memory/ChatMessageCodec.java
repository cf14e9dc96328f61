package dev.codexcontinue.core.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ContentPart;
import dev.codexcontinue.api.ImagePart;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.TextPart;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.core.internal.Json;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of a {@link ChatMessage}, as persisted by session stores and conversation logs.
 *
 * <pre>{@code
 * {"role":"assistant",
 *  "content":[{"type":"text","text":"..."},{"type":"image","url":"https://...","detail":"high"}],
 *  "tool_calls":[{"id":"call_1","name":"weather","arguments":"{\"city\":\"Oslo\"}"}],
 *  "tool_call_id":"call_1","name":"weather","reasoning":"..."}
 * }</pre>
 *
 * <p>{@code role} and {@code content} are always written; the other fields only when present. A
 * string longer than the shared parser limit on string length (a large inline image, a long tool
 * result) is written as an array of shorter strings to be joined, so that everything written can be
 * read back under the shared parser limits. Reading is strict: an unknown field or part type, a
 * value of the wrong type or a message the model rejects is an {@link IllegalArgumentException}
 * naming the field, never silently dropped data. Messages never echo the input, which may hold
 * prompts.
 */
public final class ChatMessageCodec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> MESSAGE_FIELDS =
      Set.of("role", "content", "tool_calls", "tool_call_id", "name", "reasoning");
  private static final Set<String> TEXT_FIELDS = Set.of("type", "text");
  private static final Set<String> IMAGE_FIELDS = Set.of("type", "url", "detail");
  private static final Set<String> CALL_FIELDS = Set.of("id", "name", "arguments");

  /** Length of the pieces a long string is split into; below the parser's string limit. */
  static final int CHUNK_LENGTH = Json.MAX_STRING_LENGTH / 2;

  private ChatMessageCodec() {}

  /** Returns the compact JSON text of {@code message}, on one line. */
  public static String write(ChatMessage message) {
    return Json.write(toTree(message));
  }

  /**
   * Parses one message from JSON text.
   *
   * @throws IllegalArgumentException when the text is not JSON or not a valid message
   */
  public static ChatMessage read(String json) {
    Objects.requireNonNull(json, "json == null");
    JsonNode node;
    try {
      node = Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "malformed chat message: not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (node.isMissingNode()) {
      throw malformed("the input is empty");
    }
    return fromTree(node);
  }

  /** Returns the JSON tree of {@code message}. */
  public static ObjectNode toTree(ChatMessage message) {
    Objects.requireNonNull(message, "message == null");
    ObjectNode node = NODES.objectNode();
    node.set("role", longString(message.role().value()));
    ArrayNode content = node.putArray("content");
    for (ContentPart part : message.parts()) {
      ObjectNode p = content.addObject();
      if (part instanceof TextPart text) {
        p.put("type", "text");
        p.set("text", longString(text.text()));
      } else if (part instanceof ImagePart image) {
        p.put("type", "image");
        p.set("url", longString(image.url()));
        if (!image.detail().isEmpty()) {
          p.set("detail", longString(image.detail()));
        }
      }
    }
    if (message.hasToolCalls()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        ObjectNode c = calls.addObject();
        c.set("id", longString(call.id()));
        c.set("name", longString(call.name()));
        c.set("arguments", longString(call.arguments()));
      }
    }
    message.toolCallId().ifPresent(id -> node.set("tool_call_id", longString(id)));
    message.name().ifPresent(name -> node.set("name", longString(name)));
    message.reasoning().ifPresent(r -> node.set("reasoning", longString(r)));
    return node;
  }

  /**
   * Returns the message a JSON tree describes.
   *
   * @throws IllegalArgumentException when the tree is not a valid message
   */
  public static ChatMessage fromTree(JsonNode node) {
    Objects.requireNonNull(node, "node == null");
    ObjectNode object = object(node, "message", MESSAGE_FIELDS);
    String roleValue = requiredString(object, "role", "message");
    if (roleValue.isBlank()) {
      throw malformed("message.role is blank");
    }
    Role role = Role.of(roleValue);
    ChatMessage.Builder b = ChatMessage.builder(role);
    JsonNode content = object.get("content");
    if (content == null || !content.isArray()) {
      throw malformed("message.content must be an array");
    }
    int index = 0;
    for (JsonNode part : content) {
      b.addPart(part(part, "message.content[" + index++ + "]"));
    }
    JsonNode calls = object.get("tool_calls");
    if (calls != null) {
      if (!calls.isArray()) {
        throw malformed("message.tool_calls must be an array");
      }
      index = 0;
      for (JsonNode call : calls) {
        b.addToolCall(toolCall(call, "message.tool_calls[" + index++ + "]"));
      }
    }
    optionalString(object, "tool_call_id", "message").ifPresent(b::toolCallId);
    optionalString(object, "name", "message").ifPresent(b::name);
    optionalString(object, "reasoning", "message").ifPresent(b::reasoning);
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw malformed("invalid message: " + e.getMessage(), e);
    }
  }

  private static ContentPart part(JsonNode node, String where) {
    if (!node.isObject()) {
      throw malformed(where + " must be an object");
    }
    String type = requiredString(node, "type", where);
    return switch (type) {
      case "text" -> new TextPart(requiredString(object(node, where, TEXT_FIELDS), "text", where));
      case "image" -> image(object(node, where, IMAGE_FIELDS), where);
      default -> throw malformed(where + ".type is unknown: only text and image are defined");
    };
  }

  private static ImagePart image(ObjectNode image, String where) {
    String url = requiredString(image, "url", where);
    String detail = optionalString(image, "detail", where).orElse("");
    try {
      return new ImagePart(url, detail);
    } catch (IllegalArgumentException e) {
      throw malformed(where + ".url is not an http(s) or data:image URL", e);
    }
  }

  private static ToolCall toolCall(JsonNode node, String where) {
    ObjectNode call = object(node, where, CALL_FIELDS);
    String id = requiredString(call, "id", where);
    String name = requiredString(call, "name", where);
    String arguments = requiredString(call, "arguments", where);
    if (id.isBlank() || name.isBlank()) {
      throw malformed(where + " needs a non-blank id and name");
    }
    return ToolCall.of(id, name, arguments);
  }

  private static ObjectNode object(JsonNode node, String where, Set<String> allowed) {
    if (!(node instanceof ObjectNode object)) {
      throw malformed(where + " must be a JSON object");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        // Unknown fields come from a newer format; ignoring them would lose their data.
        throw malformed(where + " has an unknown field (" + shortName(name) + ")");
      }
    }
    return object;
  }

  private static String requiredString(JsonNode object, String field, String where) {
    return optionalString(object, field, where)
        .orElseThrow(() -> malformed(where + "." + field + " is missing"));
  }

  private static Optional<String> optionalString(JsonNode object, String field, String where) {
    JsonNode value = object.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      return Optional.of(value.textValue());
    }
    if (value.isArray() && !value.isEmpty()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode piece : value) {
        if (!piece.isTextual()) {
          throw malformed(where + "." + field + " must be a string or an array of strings");
        }
        joined.append(piece.textValue());
      }
      return Optional.of(joined.toString());
    }
    throw malformed(where + "." + field + " must be a string");
  }

  /** Returns a text node, or an array of pieces when the string is too long for the parser. */
  private static JsonNode longString(String value) {
    if (value.length() <= CHUNK_LENGTH) {
      return NODES.textNode(value);
    }
    ArrayNode pieces = NODES.arrayNode();
    int start = 0;
    while (start < value.length()) {
      int end = Math.min(value.length(), start + CHUNK_LENGTH);
      // Never split a surrogate pair: each piece must be valid UTF-16 on its own.
      if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
        end--;
      }
      pieces.add(value.substring(start, end));
      start = end;
    }
    return pieces;
  }

  private static String shortName(String name) {
    return name.length() <= 40 ? name : name.substring(0, 40) + "...";
  }

  private static IllegalArgumentException malformed(String what) {
    return new IllegalArgumentException("malformed chat message: " + what);
  }

  private static IllegalArgumentException malformed(String what, Throwable cause) {
    return new IllegalArgumentException("malformed chat message: " + what, cause);
  }
}
