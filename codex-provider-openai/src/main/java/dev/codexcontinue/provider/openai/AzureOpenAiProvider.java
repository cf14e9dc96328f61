package dev.codexcontinue.provider.openai;

import dev.codexcontinue.api.Capability;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.provider.openai.internal.AzureEndpoint;
import dev.codexcontinue.provider.openai.internal.AzureErrors;
import dev.codexcontinue.provider.openai.internal.OpenAiClient;
import dev.codexcontinue.provider.openai.internal.WireOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * Azure OpenAI: chat, streaming, tools, structured output, images, embeddings and model listing
 * through a resource endpoint, in the deployments URL form (with {@code api-version}) or the {@code
 * /openai/v1/} form. Content-filter results are kept as provider data (read them with {@link
 * ContentFilterResults}); a prompt the filter blocks fails with {@link ContentFilterException}.
 * Thread-safe.
 *
 * <pre>{@code
 * Provider azure = AzureOpenAiProvider.builder()
 *     .endpoint("https://my-resource.openai.azure.com")
 *     .apiKey(System.getenv("AZURE_OPENAI_API_KEY"))
 *     .apiVersion("2024-10-21")
 *     .deployment("my-gpt-4o")
 *     .build();
 * }</pre>
 */
public final class AzureOpenAiProvider extends ChatCompletionsProvider {
  private static final Set<Capability> CAPABILITIES =
      EnumSet.of(
          Capability.CHAT,
          Capability.STREAMING,
          Capability.TOOLS,
          Capability.VISION,
          Capability.STRUCTURED_OUTPUT,
          Capability.EMBEDDINGS,
          Capability.MODEL_LISTING);

  /** The two URL forms of Azure OpenAI. */
  public enum UrlStyle {
    /** {@code /openai/deployments/{deployment}/...?api-version=...}; the URL picks the model. */
    DEPLOYMENTS,
    /** {@code /openai/v1/...}; the deployment goes in the body's {@code model}. */
    V1
  }

  private AzureOpenAiProvider(OpenAiClient client) {
    super(client);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return "azure-openai";
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public String toString() {
    return "AzureOpenAiProvider";
  }

  /** Builds an {@link AzureOpenAiProvider}. Not thread-safe. */
  public static final class Builder extends CommonBuilder<Builder> {
    @Nullable private String endpoint;
    @Nullable private Secret apiKey;
    @Nullable private Supplier<Secret> token;
    @Nullable private String apiVersion;
    @Nullable private UrlStyle urlStyle;
    @Nullable private String deployment;
    private String embeddingDeployment = "text-embedding-3-small";
    private boolean failOnContentFilter;

    private Builder() {
      super("max_tokens");
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Reads {@code azure-openai.*} settings: {@code endpoint} ({@code AZURE_OPENAI_ENDPOINT}),
     * {@code api-key} ({@code AZURE_OPENAI_API_KEY}), {@code api-version} ({@code
     * OPENAI_API_VERSION}), {@code deployment}, {@code embedding-deployment}, {@code timeout},
     * {@code max-retries}. Every secret the settings hold is registered for redaction.
     */
    @Override
    public Builder settings(Settings settings) {
      Objects.requireNonNull(settings, "settings == null");
      Settings s = settings.withPrefix("azure-openai");
      s.get("endpoint").filter(v -> !v.isBlank()).ifPresent(this::endpoint);
      s.secret("api-key").ifPresent(this::apiKey);
      s.get("api-version").filter(v -> !v.isBlank()).ifPresent(this::apiVersion);
      s.get("deployment").filter(v -> !v.isBlank()).ifPresent(this::deployment);
      s.get("embedding-deployment").filter(v -> !v.isBlank()).ifPresent(this::embeddingDeployment);
      commonSettings(s, settings);
      return this;
    }

    /** Sets the resource endpoint, such as {@code https://my-resource.openai.azure.com}. */
    public Builder endpoint(String endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      return this;
    }

    /** Sets the resource key, sent as the {@code api-key} header. */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      transport.secrets.add(apiKey.reveal());
      return this;
    }

    /** Sets the resource key, sent as the {@code api-key} header. */
    public Builder apiKey(String apiKey) {
      return apiKey(Secret.of(apiKey));
    }

    /**
     * Uses Entra ID instead of a key: {@code tokens} is asked for a bearer token (scope {@code
     * https://cognitiveservices.azure.com/.default}) before every call, so it may refresh them.
     */
    public Builder bearerToken(Supplier<Secret> tokens) {
      this.token = Objects.requireNonNull(tokens, "tokens == null");
      return this;
    }

    /** Sets the {@code api-version}; required by the deployments form. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion == null");
      return this;
    }

    /**
     * Sets the URL form. By default: {@link UrlStyle#DEPLOYMENTS} when an {@code api-version} other
     * than {@code v1}/{@code preview} is set, {@link UrlStyle#V1} otherwise.
     */
    public Builder urlStyle(UrlStyle style) {
      this.urlStyle = Objects.requireNonNull(style, "style == null");
      return this;
    }

    /** Sets the chat deployment used when a request names none (its model). */
    public Builder deployment(String deployment) {
      this.deployment = Objects.requireNonNull(deployment, "deployment == null");
      return this;
    }

    /** Sets the embedding deployment used when a request names none. */
    public Builder embeddingDeployment(String deployment) {
      this.embeddingDeployment = Objects.requireNonNull(deployment, "deployment == null");
      return this;
    }

    /**
     * Sets whether a completion withheld by the content filter ({@code finish_reason:
     * content_filter}) fails with {@link ContentFilterException} rather than returning a response
     * with {@code FinishReason.CONTENT_FILTER}; off by default.
     */
    public Builder failOnContentFilter(boolean fail) {
      this.failOnContentFilter = fail;
      return this;
    }

    /**
     * Returns the provider.
     *
     * @throws ConfigurationException when the endpoint or the credentials are missing, or the
     *     deployments form has no {@code api-version}
     */
    public AzureOpenAiProvider build() {
      if (endpoint == null || endpoint.isBlank()) {
        throw new ConfigurationException(
            "azure-openai: no endpoint; set AZURE_OPENAI_ENDPOINT, codex.azure-openai.endpoint"
                + " or endpoint(..)");
      }
      if (apiKey == null && token == null) {
        throw new ConfigurationException(
            "azure-openai: no credentials; set AZURE_OPENAI_API_KEY, apiKey(..) or bearerToken(..)");
      }
      boolean versionIsV1 =
          apiVersion == null || apiVersion.equals("v1") || apiVersion.equals("preview");
      UrlStyle style =
          urlStyle != null ? urlStyle : versionIsV1 ? UrlStyle.V1 : UrlStyle.DEPLOYMENTS;
      if (style == UrlStyle.DEPLOYMENTS && apiVersion == null) {
        throw new ConfigurationException(
            "azure-openai: the deployments URL form needs an api-version; set OPENAI_API_VERSION");
      }
      String version = style == UrlStyle.V1 && "v1".equals(apiVersion) ? null : apiVersion;
      AzureEndpoint azure =
          new AzureEndpoint(
              endpoint,
              style == UrlStyle.V1,
              version,
              apiKey,
              apiKey == null ? token : null,
              headers);
      WireOptions wire = new WireOptions(maxTokensField, includeUsage, false);
      OpenAiClient client =
          new OpenAiClient(
              "azure-openai",
              transport.build("azure-openai", List.of(new AzureErrors())),
              azure,
              wire,
              deployment,
              embeddingDeployment,
              failOnContentFilter);
      return new AzureOpenAiProvider(client);
    }

    /** Shows the settings, the key masked. */
    @Override
    public String toString() {
      return "AzureOpenAiProvider.Builder[endpoint=" + endpoint + ", apiKey=" + apiKey + "]";
    }
  }
}
