package dev.codexcontinue.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.mcp.McpPrompt;
import dev.codexcontinue.mcp.McpPromptMessage;
import dev.codexcontinue.mcp.McpResource;
import dev.codexcontinue.mcp.McpToolInfo;
import java.util.ArrayList;
import java.util.List;

/** Reads the entries of {@code tools/list}, {@code resources/list} and {@code prompts/*}. */
public final class Listings {
  private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

  private Listings() {}

  /** Reads one entry of {@code tools/list}. */
  public static McpToolInfo tool(JsonNode t) {
    JsonNode annotations = t.path("annotations");
    JsonNode schema = t.get("inputSchema");
    String description = Json.text(t, "description", Json.text(t, "title", ""));
    return new McpToolInfo(
        Json.text(t, "name", ""),
        description,
        schema != null && schema.isObject() ? schema.toString() : EMPTY_SCHEMA,
        annotations.path("readOnlyHint").asBoolean(false),
        // The spec's default for destructiveHint is true: unsaid means it may destroy.
        annotations.path("destructiveHint").asBoolean(true));
  }

  /** Reads one entry of {@code resources/list}. */
  public static McpResource resource(JsonNode r) {
    return new McpResource(
        Json.text(r, "uri", ""),
        Json.text(r, "name", ""),
        Json.text(r, "description", ""),
        Json.text(r, "mimeType", ""));
  }

  /** Reads one entry of {@code prompts/list}. */
  public static McpPrompt prompt(JsonNode p) {
    List<String> required = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    p.path("arguments")
        .forEach(
            a ->
                (a.path("required").asBoolean(false) ? required : optional)
                    .add(Json.text(a, "name", "")));
    return new McpPrompt(
        Json.text(p, "name", ""), Json.text(p, "description", ""), required, optional);
  }

  /** Reads the messages of a {@code prompts/get} result. */
  public static List<McpPromptMessage> promptMessages(JsonNode result) {
    List<McpPromptMessage> out = new ArrayList<>();
    result
        .path("messages")
        .forEach(
            m ->
                out.add(
                    new McpPromptMessage(
                        Json.text(m, "role", "user"), ContentText.part(m.path("content")))));
    return out;
  }
}
