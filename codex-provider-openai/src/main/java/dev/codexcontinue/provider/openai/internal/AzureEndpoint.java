package dev.codexcontinue.provider.openai.internal;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.http.HttpCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * Azure OpenAI in either URL form: {@code
 * {endpoint}/openai/deployments/{deployment}/...?api-version=} (the deployment in the path picks
 * the model) or {@code {endpoint}/openai/v1/...} (the deployment goes in the body's {@code model}).
 * Auth is the {@code api-key} header or an Entra ID bearer token, fetched for every call so that
 * refreshed tokens are used.
 */
public final class AzureEndpoint implements Endpoint {
  private final String endpoint;
  private final boolean v1;
  @Nullable private final String apiVersion;
  @Nullable private final Secret apiKey;
  @Nullable private final Supplier<Secret> token;
  private final Map<String, String> headers;

  /**
   * Creates the endpoint; exactly one of {@code apiKey} and {@code token} is set.
   *
   * @param endpoint the resource endpoint, such as {@code https://res.openai.azure.com}
   * @param v1 whether to use the {@code /openai/v1/} form
   * @param apiVersion the {@code api-version} query value; required by the deployments form
   * @param apiKey the key sent as {@code api-key}
   * @param token supplies the bearer token of each call
   * @param headers extra headers
   */
  public AzureEndpoint(
      String endpoint,
      boolean v1,
      @Nullable String apiVersion,
      @Nullable Secret apiKey,
      @Nullable Supplier<Secret> token,
      Map<String, String> headers) {
    String e = OpenAiEndpoint.trimSlash(endpoint);
    for (String suffix : new String[] {"/openai/v1", "/openai"}) {
      if (e.endsWith(suffix)) {
        e = e.substring(0, e.length() - suffix.length());
      }
    }
    this.endpoint = e;
    this.v1 = v1;
    this.apiVersion = apiVersion;
    this.apiKey = apiKey;
    this.token = token;
    this.headers = Map.copyOf(headers);
  }

  @Override
  public String url(Operation operation, @Nullable String deployment) {
    String op =
        switch (operation) {
          case CHAT -> "chat/completions";
          case EMBEDDINGS -> "embeddings";
          case MODELS -> "models";
          case COMPLETIONS -> "completions";
        };
    String base;
    if (v1) {
      base = endpoint + "/openai/v1/" + op;
    } else if (operation == Operation.MODELS || deployment == null) {
      base = endpoint + "/openai/" + op;
    } else {
      base =
          endpoint
              + "/openai/deployments/"
              + URLEncoder.encode(deployment, StandardCharsets.UTF_8).replace("+", "%20")
              + "/"
              + op;
    }
    return apiVersion == null
        ? base
        : base + "?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
  }

  @Override
  public boolean modelInBody() {
    return v1;
  }

  @Override
  public void authorize(HttpCall.Builder call) {
    headers.forEach(call::header);
    if (apiKey != null) {
      call.header("api-key", apiKey.reveal());
    } else if (token != null) {
      call.header("Authorization", "Bearer " + token.get().reveal());
    }
  }

  @Override
  public String toString() {
    return "AzureEndpoint[" + endpoint + (v1 ? " v1" : " deployments") + "]";
  }
}
