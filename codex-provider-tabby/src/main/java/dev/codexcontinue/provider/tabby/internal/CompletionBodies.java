package dev.codexcontinue.provider.tabby.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes Tabby's {@code /v1/completions} request and reads its answer. Related code goes where
 * Tabby wants it: declarations under {@code segments.declarations}; snippets of changed files (and
 * of no particular origin, which every server version reads) under {@code
 * relevant_snippets_from_changed_files}; snippets of recently opened files under {@code
 * relevant_snippets_from_recently_opened_files} (servers before that field ignore it). Provider
 * options are top-level fields ({@code mode}, {@code debug_options}), except {@code segments},
 * whose entries join the segments ({@code edit_history}).
 */
public final class CompletionBodies {
  private CompletionBodies() {}

  /** Returns the request body. */
  public static ObjectNode request(CompletionRequest request) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    request.language().ifPresent(l -> root.put("language", l));
    ObjectNode segments = root.putObject("segments");
    segments.put("prefix", request.prefix());
    if (!request.suffix().isEmpty()) {
      segments.put("suffix", request.suffix());
    }
    request.filePath().ifPresent(p -> segments.put("filepath", p));
    request.gitUrl().ifPresent(u -> segments.put("git_url", u));
    for (CodeSnippet snippet : request.snippets()) {
      String field =
          switch (snippet.kind()) {
            case DECLARATION -> "declarations";
            case RECENT_FILE -> "relevant_snippets_from_recently_opened_files";
            case CHANGED_FILE, OTHER -> "relevant_snippets_from_changed_files";
          };
      ArrayNode list =
          segments.has(field) ? (ArrayNode) segments.get(field) : segments.putArray(field);
      ObjectNode item = list.addObject().put("filepath", snippet.filePath());
      item.put("body", snippet.text());
      if (snippet.kind() != CodeSnippet.Kind.DECLARATION) {
        // Tabby's Snippet requires a score; a snippet without one ranks last.
        item.put("score", snippet.score().orElse(0));
      }
    }
    request.clipboard().ifPresent(c -> segments.put("clipboard", c));
    request.user().ifPresent(u -> root.put("user", u));
    request.temperature().ifPresent(t -> root.put("temperature", t));
    request.seed().ifPresent(s -> root.put("seed", s));
    for (Map.Entry<String, Object> option : request.providerOptions().entrySet()) {
      JsonNode value = Json.MAPPER.valueToTree(option.getValue());
      if (option.getKey().equals("segments") && value instanceof ObjectNode extra) {
        segments.setAll(extra);
      } else {
        root.set(option.getKey(), value);
      }
    }
    return root;
  }

  /**
   * Returns the answer in {@code root}.
   *
   * @throws IllegalArgumentException when it has no id or its choices are malformed
   */
  public static CompletionResponse response(JsonNode root) {
    String id = Json.text(root.get("id"));
    if (id.isBlank()) {
      throw new IllegalArgumentException("the completion has no id");
    }
    List<CompletionChoice> choices = new ArrayList<>();
    for (JsonNode choice : root.path("choices")) {
      JsonNode text = choice.get("text");
      if (text == null || !text.isTextual()) {
        throw new IllegalArgumentException("a choice has no text");
      }
      choices.add(new CompletionChoice(Math.max(0, choice.path("index").asInt(0)), text.asText()));
    }
    return CompletionResponse.of(id, choices, null, TokenUsage.ZERO);
  }
}
