package dev.codexcontinue.provider.openai.internal;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.http.HttpCall;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * OpenAI and OpenAI-compatible servers: a base URL plus a path per operation, bearer auth, and
 * optional organization, project and extra headers.
 */
public final class OpenAiEndpoint implements Endpoint {
  private final String baseUrl;
  private final Map<Operation, String> paths;
  @Nullable private final Secret apiKey;
  private final Map<String, String> headers;

  /**
   * Creates the endpoint.
   *
   * @param baseUrl the base URL, such as {@code https://api.openai.com/v1}
   * @param paths the path of each operation under the base URL
   * @param apiKey the bearer key, or {@code null} for servers without auth
   * @param headers extra headers, including {@code OpenAI-Organization} and {@code OpenAI-Project}
   */
  public OpenAiEndpoint(
      String baseUrl,
      Map<Operation, String> paths,
      @Nullable Secret apiKey,
      Map<String, String> headers) {
    this.baseUrl = trimSlash(baseUrl);
    this.paths = Map.copyOf(paths);
    this.apiKey = apiKey;
    this.headers = Map.copyOf(headers);
  }

  @Override
  public String url(Operation operation, @Nullable String model) {
    String path = paths.getOrDefault(operation, "");
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }

  @Override
  public boolean modelInBody() {
    return true;
  }

  @Override
  public void authorize(HttpCall.Builder call) {
    headers.forEach(call::header);
    if (apiKey != null) {
      call.header("Authorization", "Bearer " + apiKey.reveal());
    }
  }

  static String trimSlash(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  @Override
  public String toString() {
    return "OpenAiEndpoint[" + baseUrl + "]";
  }
}
