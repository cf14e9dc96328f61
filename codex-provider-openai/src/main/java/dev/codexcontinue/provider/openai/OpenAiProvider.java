package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.provider.openai.internal.Endpoint.Operation;
import dev.codexcontinue.provider.openai.internal.LegacyCompletions;
import dev.codexcontinue.provider.openai.internal.OpenAiClient;
import dev.codexcontinue.provider.openai.internal.OpenAiEndpoint;
import dev.codexcontinue.provider.openai.internal.WireOptions;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.annotation.Nullable;

/**
 * OpenAI's chat completions, embeddings, models and (for code completion) legacy completions API,
 * or any server that copies it (vLLM, LM Studio, llama.cpp server, Groq, DeepSeek, Ollama's {@code
 * /v1}...), chosen by base URL. Thread-safe; {@link #close()} releases what the provider created.
 *
 * <pre>{@code
 * try (OpenAiProvider openai = OpenAiProvider.builder().fromEnv().model("gpt-4o-mini").build()) {
 *   System.out.println(openai.chat(ChatRequest.of("Say hi")).text());
 * }
 * Provider local = OpenAiProvider.builder().baseUrl("http://localhost:8000/v1").model("qwen").build();
 * }</pre>
 */
public final class OpenAiProvider extends ChatCompletionsProvider {
  /** The default base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private static final Set<Capability> CAPABILITIES =
      EnumSet.of(
          Capability.CHAT,
          Capability.STREAMING,
          Capability.TOOLS,
          Capability.VISION,
          Capability.STRUCTURED_OUTPUT,
          Capability.REASONING,
          Capability.EMBEDDINGS,
          Capability.CODE_COMPLETION,
          Capability.MODEL_LISTING);

  private final String id;
  private final LegacyCompletions completions;

  private OpenAiProvider(String id, OpenAiClient client, LegacyCompletions completions) {
    super(client);
    this.id = id;
    this.completions = completions;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sent to the legacy completions API ({@code POST {base}/completions} with {@code prompt} and
   * {@code suffix}) that vLLM, llama.cpp's server, LM Studio, Ollama's {@code /v1} and OpenAI's
   * instruct models serve; the server applies its model's fill-in-the-middle template. Related code
   * goes before the prefix as comments headed by its path. The model is the request's, else the
   * completion model, else the chat model; without an output limit, 128 tokens are asked for.
   */
  @Override
  public CompletionResponse complete(CompletionRequest request) {
    return completions.complete(request);
  }

  /** {@inheritDoc} The future completes on an OkHttp dispatcher thread. */
  @Override
  public CompletableFuture<CompletionResponse> completeAsync(CompletionRequest request) {
    return completions.completeAsync(request);
  }

  @Override
  public String toString() {
    return "OpenAiProvider[" + id + "]";
  }

  /** Builds an {@link OpenAiProvider}. Not thread-safe. */
  public static final class Builder extends CommonBuilder<Builder> {
    private String id = "openai";
    private String baseUrl = DEFAULT_BASE_URL;
    @Nullable private Secret apiKey;
    @Nullable private String organization;
    @Nullable private String project;
    @Nullable private String model;
    @Nullable private String completionModel;
    private String embeddingModel = "text-embedding-3-small";
    private final Map<Operation, String> paths = new EnumMap<>(Operation.class);
    private boolean base64Embeddings;

    private Builder() {
      super("max_completion_tokens");
      paths.put(Operation.CHAT, "/chat/completions");
      paths.put(Operation.EMBEDDINGS, "/embeddings");
      paths.put(Operation.MODELS, "/models");
      paths.put(Operation.COMPLETIONS, "/completions");
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Reads {@code openai.*} settings: {@code api-key} ({@code OPENAI_API_KEY}), {@code base-url}
     * ({@code OPENAI_BASE_URL}), {@code organization} ({@code OPENAI_ORG_ID}), {@code project}
     * ({@code OPENAI_PROJECT_ID}), {@code model}, {@code completion-model}, {@code
     * embedding-model}, {@code timeout}, {@code max-retries}. Every secret the settings hold is
     * registered for redaction.
     */
    @Override
    public Builder settings(Settings settings) {
      Objects.requireNonNull(settings, "settings == null");
      Settings s = settings.withPrefix("openai");
      s.secret("api-key").ifPresent(this::apiKey);
      s.get("base-url").filter(v -> !v.isBlank()).ifPresent(this::baseUrl);
      s.get("organization").filter(v -> !v.isBlank()).ifPresent(this::organization);
      s.get("project").filter(v -> !v.isBlank()).ifPresent(this::project);
      s.get("model").filter(v -> !v.isBlank()).ifPresent(this::model);
      s.get("completion-model").filter(v -> !v.isBlank()).ifPresent(this::completionModel);
      s.get("embedding-model").filter(v -> !v.isBlank()).ifPresent(this::embeddingModel);
      commonSettings(s, settings);
      return this;
    }

    /** Sets the provider id reported by {@link Provider#id()}; {@code openai} by default. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /** Sets the API key, sent as a bearer token. */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      transport.secrets.add(apiKey.reveal());
      return this;
    }

    /** Sets the API key, sent as a bearer token. */
    public Builder apiKey(String apiKey) {
      return apiKey(Secret.of(apiKey));
    }

    /** Sets the base URL; {@value #DEFAULT_BASE_URL} by default. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /** Sets the {@code OpenAI-Organization} header. */
    public Builder organization(String organization) {
      this.organization = Objects.requireNonNull(organization, "organization == null");
      return this;
    }

    /** Sets the {@code OpenAI-Project} header. */
    public Builder project(String project) {
      this.project = Objects.requireNonNull(project, "project == null");
      return this;
    }

    /** Sets the model used when a request names none. */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets the model for code completion when a request names none; the chat model otherwise (for
     * OpenAI itself, an instruct model such as {@code gpt-3.5-turbo-instruct}).
     */
    public Builder completionModel(String model) {
      this.completionModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Sets the embedding model used when a request names none; {@code text-embedding-3-small}. */
    public Builder embeddingModel(String model) {
      this.embeddingModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** Sets the chat path under the base URL; {@code /chat/completions} by default. */
    public Builder chatPath(String path) {
      paths.put(Operation.CHAT, Objects.requireNonNull(path, "path == null"));
      return this;
    }

    /** Sets the embeddings path under the base URL; {@code /embeddings} by default. */
    public Builder embeddingsPath(String path) {
      paths.put(Operation.EMBEDDINGS, Objects.requireNonNull(path, "path == null"));
      return this;
    }

    /** Sets the code-completion path under the base URL; {@code /completions} by default. */
    public Builder completionsPath(String path) {
      paths.put(Operation.COMPLETIONS, Objects.requireNonNull(path, "path == null"));
      return this;
    }

    /** Sets the model-listing path under the base URL; {@code /models} by default. */
    public Builder modelsPath(String path) {
      paths.put(Operation.MODELS, Objects.requireNonNull(path, "path == null"));
      return this;
    }

    /** Sets whether embeddings are asked for as base64 (smaller) rather than floats; off. */
    public Builder base64Embeddings(boolean base64) {
      this.base64Embeddings = base64;
      return this;
    }

    /**
     * Returns the provider.
     *
     * @throws ConfigurationException when the official endpoint is used without an API key
     */
    public OpenAiProvider build() {
      if (apiKey == null && baseUrl.startsWith(DEFAULT_BASE_URL)) {
        throw new ConfigurationException(
            "openai: no API key; set OPENAI_API_KEY, codex.openai.api-key or apiKey(..)");
      }
      Map<String, String> allHeaders = new LinkedHashMap<>(headers);
      if (organization != null) {
        allHeaders.put("OpenAI-Organization", organization);
      }
      if (project != null) {
        allHeaders.put("OpenAI-Project", project);
      }
      OpenAiEndpoint endpoint = new OpenAiEndpoint(baseUrl, paths, apiKey, allHeaders);
      WireOptions wire = new WireOptions(maxTokensField, includeUsage, base64Embeddings);
      HttpTransport http = transport.build(id, List.of());
      OpenAiClient client =
          new OpenAiClient(id, http, endpoint, wire, model, embeddingModel, false);
      LegacyCompletions completions =
          new LegacyCompletions(
              id, http, endpoint, completionModel != null ? completionModel : model);
      return new OpenAiProvider(id, client, completions);
    }

    /** Shows the settings, the key masked. */
    @Override
    public String toString() {
      return "OpenAiProvider.Builder[id="
          + id
          + ", baseUrl="
          + baseUrl
          + ", apiKey="
          + apiKey
          + "]";
    }
  }
}
