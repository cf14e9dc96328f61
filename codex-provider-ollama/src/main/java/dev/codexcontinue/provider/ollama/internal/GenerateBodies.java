package dev.codexcontinue.provider.ollama.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.provider.ollama.FimTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Writes the body of {@code POST /api/generate} for a code completion (the {@code GenerateRequest}
 * schema). Templated mode sends {@code prompt} (the text before the cursor) and {@code suffix} (the
 * text after it) and lets the model's template place them; a non-empty suffix needs a model with
 * the {@code insert} capability. Raw mode ({@code raw: true}) writes the whole prompt with a {@link
 * FimTemplate} instead, or sends the prefix as it is when there is no suffix.
 */
public final class GenerateBodies {
  /** Top-level fields of {@code /api/generate} that a provider option sets directly. */
  static final Set<String> TOP_LEVEL =
      Set.of(
          "keep_alive",
          "think",
          "format",
          "logprobs",
          "top_logprobs",
          "system",
          "template",
          "context",
          "images",
          "suffix",
          "truncate",
          "shift");

  private GenerateBodies() {}

  /** How raw completions are written. */
  public record RawMode(boolean byDefault, @Nullable FimTemplate template) {}

  /**
   * Returns the body.
   *
   * @param request the completion request
   * @param model the resolved model name
   * @param defaults the builder's per-call values
   * @param raw whether (and with which template) completions are raw unless a request's {@code raw}
   *     option says otherwise
   * @param stream whether to ask for a stream
   * @throws IllegalArgumentException when a raw completion with a suffix has no template for the
   *     model
   */
  public static ObjectNode completion(
      CompletionRequest request, String model, WireDefaults defaults, RawMode raw, boolean stream) {
    Map<String, Object> extra = new LinkedHashMap<>(request.providerOptions());
    Object rawOption = extra.remove("raw");
    boolean isRaw = rawOption instanceof Boolean b ? b : raw.byDefault();
    ObjectNode root = Json.object().put("model", model);
    ObjectNode options = Json.object();
    if (isRaw) {
      FimTemplate template =
          raw.template() != null ? raw.template() : FimTemplate.forModel(model).orElse(null);
      if (template != null) {
        root.put("prompt", template.render(request.prefix(), request.suffix()));
        if (request.stop().isEmpty()) {
          ChatBodies.stop(template.stop(), options);
        }
      } else if (request.suffix().isEmpty()) {
        root.put("prompt", request.prefix());
      } else {
        throw new IllegalArgumentException(
            "a raw completion with a suffix needs the fill-in-the-middle template of model '"
                + model
                + "': set OllamaProvider.builder().fimTemplate(..)");
      }
      root.put("raw", true);
    } else {
      root.put("prompt", request.prefix());
      if (!request.suffix().isEmpty()) {
        root.put("suffix", request.suffix());
      }
    }
    request.temperature().ifPresent(t -> options.put("temperature", t));
    request.maxOutputTokens().ifPresent(n -> options.put("num_predict", n));
    request.seed().ifPresent(s -> options.put("seed", s));
    ChatBodies.stop(request.stop(), options);
    defaults.apply(root, options);
    root.put("stream", stream);
    ProviderOptions.route(extra, root, options, TOP_LEVEL);
    if (!options.isEmpty()) {
      root.set("options", options);
    }
    return root;
  }
}
