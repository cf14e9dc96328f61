package dev.codexcontinue.provider.tabby;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.provider.tabby.internal.CompletionBodies;
import dev.codexcontinue.provider.tabby.internal.Json;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/** Reads Tabby's health and completion answers into this package's value types. */
final class WireReaders {
  private WireReaders() {}

  /** Reads {@code GET /v1/health}, in the current shape or the v0.17 one. */
  static TabbyServerInfo serverInfo(JsonNode root) {
    String device = Json.text(root.get("device"));
    List<String> cuda = Json.strings(root.get("cuda_devices"));
    JsonNode models = root.path("models");
    TabbyModel completion = model(models.get("completion"));
    if (completion == null && !Json.text(root.get("model")).isEmpty()) {
      completion =
          new TabbyModel(
              TabbyModel.Location.LOCAL, Json.text(root.get("model")), device, cuda, null, null);
    }
    TabbyModel chat = model(models.get("chat"));
    if (chat == null && !Json.text(root.get("chat_model")).isEmpty()) {
      chat =
          new TabbyModel(
              TabbyModel.Location.LOCAL,
              Json.text(root.get("chat_model")),
              Json.text(root.get("chat_device")),
              List.of(),
              null,
              null);
    }
    JsonNode v = root.get("version");
    TabbyServerInfo.Version version =
        v == null || !v.isObject()
            ? null
            : new TabbyServerInfo.Version(
                Json.text(v.get("build_date")),
                Json.text(v.get("build_timestamp")),
                Json.text(v.get("git_sha")),
                Json.text(v.get("git_describe")));
    JsonNode webserver = root.get("webserver");
    return new TabbyServerInfo(
        completion,
        chat,
        model(models.get("embedding")),
        device,
        Json.text(root.get("arch")),
        Json.text(root.get("cpu_info")),
        Math.max(0, root.path("cpu_count").asInt(0)),
        cuda,
        version,
        webserver != null && webserver.isBoolean() ? webserver.booleanValue() : null);
  }

  /** Reads a model of {@code models}: {@code {"local": {...}}} or {@code {"remote": {...}}}. */
  @Nullable
  private static TabbyModel model(@Nullable JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode local = node.get("local");
    if (local != null && local.isObject()) {
      return new TabbyModel(
          TabbyModel.Location.LOCAL,
          Json.text(local.get("model_id")),
          Json.text(local.get("device")),
          Json.strings(local.get("cuda_devices")),
          null,
          null);
    }
    JsonNode remote = node.get("remote");
    if (remote != null && remote.isObject()) {
      return new TabbyModel(
          TabbyModel.Location.REMOTE,
          Json.text(remote.get("model_name")),
          null,
          List.of(),
          Json.text(remote.get("kind")),
          Json.text(remote.get("api_endpoint")));
    }
    return null;
  }

  /**
   * Reads a {@code /v1/completions} answer with its mode and debug data.
   *
   * @throws IllegalArgumentException when the answer has no id or a choice has no text
   */
  static TabbyCompletion completion(JsonNode root) {
    CompletionResponse response = CompletionBodies.response(root);
    String mode = Json.text(root.get("mode"));
    JsonNode debug = root.path("debug_data");
    List<CodeSnippet> snippets = new ArrayList<>();
    for (JsonNode s : debug.path("snippets")) {
      CodeSnippet snippet =
          CodeSnippet.of(
              CodeSnippet.Kind.OTHER, Json.text(s.get("filepath")), Json.text(s.get("body")));
      JsonNode score = s.get("score");
      snippets.add(
          score != null && score.isNumber() ? snippet.withScore(score.asDouble()) : snippet);
    }
    String prompt = Json.text(debug.get("prompt"));
    return new TabbyCompletion(
        response, mode.isEmpty() ? "standard" : mode, prompt.isEmpty() ? null : prompt, snippets);
  }
}
