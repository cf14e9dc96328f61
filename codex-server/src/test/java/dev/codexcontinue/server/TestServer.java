package dev.codexcontinue.server;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.core.tool.ToolPolicy;
import dev.codexcontinue.core.tool.Tools;
import dev.codexcontinue.test.ScriptedProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A server on a free loopback port in front of a scripted provider, for tests. */
final class TestServer implements AutoCloseable {
  static final String TOKEN = "test-token-123";

  final ScriptedProvider provider;
  final CodexServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(ScriptedProvider provider, CodexServer server) {
    this.provider = provider;
    this.server = server;
  }

  /** A tool the agent may call: the weather of a city, allowed by the policy. */
  static Tool weatherTool() {
    return Tools.builder("get_weather")
        .description("Returns the current weather of a city.")
        .parameters(
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"]}")
        .handler((args, ctx) -> "sunny, 21 C in " + args.string("city"))
        .build();
  }

  static TestServer start(ScriptedProvider provider) {
    return start(provider, b -> b);
  }

  static TestServer start(
      ScriptedProvider provider, UnaryOperator<CodexHttpHandler.Builder> customize) {
    CodexHttpHandler.Builder handler =
        CodexHttpHandler.builder()
            .provider(provider)
            .addTool(weatherTool())
            .toolPolicy(ToolPolicy.builder().allow("get_weather").build())
            .bearerToken(TOKEN)
            .rateLimit(1000, 1000);
    CodexServer server =
        CodexServer.builder().port(0).handler(customize.apply(handler)).build().start();
    return new TestServer(provider, server);
  }

  String base() {
    return server.uri().toString();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + TOKEN);
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
    provider.close();
  }
}
