package dev.codexcontinue.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Turns MCP content parts into text for a model: text as it is, embedded text resources with their
 * URI, and binary parts (images, audio, blobs) as a one-line placeholder, since a tool result
 * carries text only.
 */
public final class ContentText {
  private ContentText() {}

  /** Renders a {@code content} array; an absent or empty array renders as the empty string. */
  public static String render(@Nullable JsonNode content) {
    List<String> parts = new ArrayList<>();
    if (content != null && content.isArray()) {
      content.forEach(part -> parts.add(part(part)));
    }
    return String.join("\n", parts);
  }

  /**
   * Renders a {@code tools/call} result: its content, or its structured content as JSON when there
   * is no other.
   */
  public static String toolResult(JsonNode result) {
    String text = render(result.get("content"));
    JsonNode structured = result.get("structuredContent");
    return text.isEmpty() && structured != null && !structured.isNull()
        ? structured.toString()
        : text;
  }

  /** Renders one content part. */
  public static String part(JsonNode part) {
    String type = Json.text(part, "type", "");
    return switch (type) {
      case "text" -> Json.text(part, "text", "");
      case "image", "audio" ->
          "["
              + type
              + " "
              + Json.text(part, "mimeType", "?")
              + ", "
              + base64Bytes(Json.text(part, "data", ""))
              + " bytes]";
      case "resource" -> resource(part.path("resource"));
      case "resource_link" ->
          "[resource link "
              + Json.text(part, "uri", "?")
              + describe(Json.text(part, "name", ""), Json.text(part, "description", ""))
              + "]";
      default -> "[unsupported content type '" + type + "']";
    };
  }

  /** Renders one entry of a resource's {@code contents}. */
  public static String resource(JsonNode resource) {
    String uri = Json.text(resource, "uri", "?");
    if (resource.has("text")) {
      return "[resource " + uri + "]\n" + Json.text(resource, "text", "");
    }
    return "[resource "
        + uri
        + " "
        + Json.text(resource, "mimeType", "application/octet-stream")
        + ", "
        + base64Bytes(Json.text(resource, "blob", ""))
        + " bytes]";
  }

  private static String describe(String name, String description) {
    String s = name.isEmpty() ? "" : " " + name;
    return description.isEmpty() ? s : s + ": " + description;
  }

  private static long base64Bytes(String data) {
    long padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
    return Math.max(0, data.length() * 3L / 4 - padding);
  }
}
