package dev.codexcontinue.plugins.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reduces GitHub's answers to the fields a model needs, as compact JSON or text. */
final class Render {
  private static final int MAX_BODY = 8_000;
  private static final int MAX_PATCH = 4_000;

  private Render() {}

  /** A pull request in a list. */
  static JsonNode pull(JsonNode pr) {
    ObjectNode o = ToolArgs.JSON.createObjectNode();
    o.set("number", pr.path("number"));
    o.put("title", pr.path("title").asText(""));
    o.put("state", pr.path("state").asText(""));
    o.put("draft", pr.path("draft").asBoolean(false));
    o.put("author", pr.path("user").path("login").asText(""));
    o.put("head", pr.path("head").path("ref").asText(""));
    o.put("base", pr.path("base").path("ref").asText(""));
    o.put("updated_at", pr.path("updated_at").asText(""));
    o.put("url", pr.path("html_url").asText(""));
    return o;
  }

  /** One pull request with its description and size. */
  static String pullDetail(HttpResult result, ToolArgs args) {
    JsonNode pr = GitHubClient.json(result);
    ObjectNode o = (ObjectNode) pull(pr);
    o.put("merged", pr.path("merged").asBoolean(false));
    o.set("mergeable", pr.path("mergeable"));
    o.set("commits", pr.path("commits"));
    o.set("additions", pr.path("additions"));
    o.set("deletions", pr.path("deletions"));
    o.set("changed_files", pr.path("changed_files"));
    o.put("body", ToolArgs.cap(pr.path("body").asText(""), MAX_BODY));
    return o.toString();
  }

  /** An issue in a list; pull requests, which the issues API also returns, are marked. */
  static JsonNode issue(JsonNode issue) {
    ObjectNode o = ToolArgs.JSON.createObjectNode();
    o.set("number", issue.path("number"));
    o.put("title", issue.path("title").asText(""));
    o.put("state", issue.path("state").asText(""));
    o.put("author", issue.path("user").path("login").asText(""));
    ArrayNode labels = o.putArray("labels");
    issue.path("labels").forEach(l -> labels.add(l.path("name").asText("")));
    o.set("comments", issue.path("comments"));
    o.put("is_pull_request", issue.has("pull_request"));
    o.put("url", issue.path("html_url").asText(""));
    o.put("body", ToolArgs.cap(issue.path("body").asText(""), 1_000));
    return o;
  }

  /** A changed file of a pull request, with its patch cut. */
  static JsonNode file(JsonNode file) {
    ObjectNode o = ToolArgs.JSON.createObjectNode();
    o.put("filename", file.path("filename").asText(""));
    o.put("status", file.path("status").asText(""));
    o.set("additions", file.path("additions"));
    o.set("deletions", file.path("deletions"));
    o.put("patch", ToolArgs.cap(file.path("patch").asText(""), MAX_PATCH));
    return o;
  }

  /** A code search hit. */
  static JsonNode codeHit(JsonNode hit) {
    ObjectNode o = ToolArgs.JSON.createObjectNode();
    o.put("repository", hit.path("repository").path("full_name").asText(""));
    o.put("path", hit.path("path").asText(""));
    o.put("url", hit.path("html_url").asText(""));
    return o;
  }

  /** A file's text, or a directory's listing. */
  static String contents(HttpResult result, ToolArgs args, int maxChars) {
    JsonNode root = GitHubClient.json(result);
    if (root.isArray()) {
      StringBuilder sb = new StringBuilder("Directory ").append(args.optText("path").orElse("/"));
      root.forEach(
          e ->
              sb.append('\n')
                  .append(e.path("type").asText("file").equals("dir") ? "dir   " : "file  ")
                  .append(e.path("path").asText(e.path("name").asText("")))
                  .append(e.path("type").asText("").equals("dir") ? "" : sizeOf(e)));
      return sb.toString();
    }
    String path = root.path("path").asText("");
    if (!root.path("encoding").asText("").equals("base64") || !root.hasNonNull("content")) {
      throw new CodexException(
          path + " (" + root.path("size").asLong() + " bytes) is too large for the contents API");
    }
    byte[] bytes = Base64.getMimeDecoder().decode(root.path("content").asText(""));
    for (byte b : bytes) {
      if (b == 0) {
        return path + ": binary file, " + bytes.length + " bytes";
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return path + " (" + bytes.length + " bytes)\n\n" + ToolArgs.cap(text, maxChars);
  }

  /** A diff, cut at {@code maxBytes}. */
  static String diff(HttpResult result, int maxBytes) {
    byte[] body = result.body();
    if (body.length <= maxBytes) {
      return new String(body, StandardCharsets.UTF_8);
    }
    return new String(body, 0, maxBytes, StandardCharsets.UTF_8)
        + "\n[diff truncated: "
        + (body.length - maxBytes)
        + " more bytes; list the files to read them one by one]";
  }

  /** What a mutation created: its id and page. */
  static String created(HttpResult result, String what) {
    JsonNode root = GitHubClient.json(result);
    return what
        + " created (HTTP "
        + result.status()
        + "): id "
        + root.path("id").asText("?")
        + (root.hasNonNull("state") ? ", state " + root.path("state").asText() : "")
        + ", "
        + root.path("html_url").asText("");
  }

  private static String sizeOf(JsonNode e) {
    return " (" + e.path("size").asLong() + " bytes)";
  }
}
