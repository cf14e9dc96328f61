package dev.codexcontinue.provider.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.provider.openai.internal.Endpoint.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/**
 * Code completion through the legacy completions API ({@code POST /completions} with {@code prompt}
 * and {@code suffix}), which vLLM, llama.cpp's server, LM Studio, Ollama's {@code /v1} and OpenAI's
 * instruct models serve and turn into their model's fill-in-the-middle prompt. The API has no field
 * for related code, so declarations and snippets go before the prefix as line comments headed by
 * their path, the way completion plugins prompt such servers. Thread-safe.
 */
public final class LegacyCompletions {
  /** Output tokens asked for when the request sets none (the API's own default, 16, cuts code). */
  public static final int DEFAULT_MAX_TOKENS = 128;

  private static final Set<String> HASH_COMMENTS =
      Set.of(
          "python",
          "ruby",
          "shellscript",
          "bash",
          "sh",
          "perl",
          "r",
          "yaml",
          "toml",
          "dockerfile",
          "makefile",
          "elixir",
          "powershell",
          "julia",
          "coffeescript",
          "nim");
  private static final Set<String> DASH_COMMENTS = Set.of("sql", "lua", "haskell", "plsql");

  private final String provider;
  private final HttpTransport transport;
  private final Endpoint endpoint;
  @Nullable private final String model;

  /** Creates the client; {@code model} is used when a request names none. */
  public LegacyCompletions(
      String provider, HttpTransport transport, Endpoint endpoint, @Nullable String model) {
    this.provider = provider;
    this.transport = transport;
    this.endpoint = endpoint;
    this.model = model;
  }

  /** Completes code and waits for the answer. */
  public CompletionResponse complete(CompletionRequest request) {
    return read(transport.execute(call(request)));
  }

  /** Completes code without blocking; cancelling the future cancels the HTTP call. */
  public CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
    return transport.executeAsync(call(request), this::read);
  }

  private HttpCall call(CompletionRequest request) {
    Objects.requireNonNull(request, "request == null");
    String m = request.model().orElse(model);
    if (m == null) {
      throw new ConfigurationException(
          provider + ": the completion request names no model and the provider has no default");
    }
    HttpCall.Builder call =
        HttpCall.post(endpoint.url(Operation.COMPLETIONS, m))
            .jsonBody(body(request, endpoint.modelInBody() ? m : null).toString())
            .operation("complete");
    endpoint.authorize(call);
    return call.build();
  }

  /** Returns the request body ({@code CreateCompletionRequest}). */
  static ObjectNode body(CompletionRequest request, @Nullable String model) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    if (model != null) {
      root.put("model", model);
    }
    root.put("prompt", prompt(request));
    if (!request.suffix().isEmpty()) {
      root.put("suffix", request.suffix());
    }
    root.put("max_tokens", request.maxOutputTokens().orElse(DEFAULT_MAX_TOKENS));
    request.temperature().ifPresent(t -> root.put("temperature", t));
    request.seed().ifPresent(s -> root.put("seed", s));
    if (!request.stop().isEmpty()) {
      ArrayNode stop = root.putArray("stop");
      request.stop().forEach(stop::add);
    }
    request.user().ifPresent(u -> root.put("user", u));
    for (Map.Entry<String, Object> option : request.providerOptions().entrySet()) {
      root.set(option.getKey(), Json.toNode(option.getValue()));
    }
    return root;
  }

  /** Returns the prompt: related code as comments, then the text before the cursor. */
  static String prompt(CompletionRequest request) {
    if (request.snippets().isEmpty()) {
      return request.prefix();
    }
    String language = request.language().orElse("").toLowerCase(Locale.ROOT);
    String comment =
        HASH_COMMENTS.contains(language) ? "# " : DASH_COMMENTS.contains(language) ? "-- " : "// ";
    StringBuilder prompt = new StringBuilder();
    for (CodeSnippet snippet : request.snippets()) {
      prompt.append(comment).append("Path: ").append(snippet.filePath()).append('\n');
      String text = snippet.text();
      String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      for (String line : body.split("\n", -1)) {
        prompt.append(comment).append(line).append('\n');
      }
    }
    request
        .filePath()
        .ifPresent(p -> prompt.append(comment).append("Path: ").append(p).append('\n'));
    return prompt.append(request.prefix()).toString();
  }

  private CompletionResponse read(HttpResult result) {
    JsonNode root = OpenAiClient.jsonObject(provider, result);
    List<CompletionChoice> choices = new ArrayList<>();
    int position = 0;
    for (JsonNode choice : root.path("choices")) {
      JsonNode text = choice.get("text");
      if (text == null || !text.isTextual()) {
        throw OpenAiClient.malformed(provider, result, "completion choice has no text", null);
      }
      choices.add(
          new CompletionChoice(Math.max(0, choice.path("index").asInt(position)), text.asText()));
      position++;
    }
    choices.sort(Comparator.comparingInt(CompletionChoice::index));
    // Some compatible servers send no id; acceptance reporting still needs one.
    String id = Json.text(root.get("id"));
    String m = Json.text(root.get("model"));
    return CompletionResponse.of(
        id.isBlank() ? "cmpl-" + UUID.randomUUID() : id,
        choices,
        m.isEmpty() ? null : m,
        ChatResponses.usage(root.path("usage")));
  }
}
