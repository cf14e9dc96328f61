package dev.codexcontinue.plugins.openapi;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.http.Fixtures;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** The petstore document served by MockWebServer, and tools built from it. */
final class PetstoreFixture implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final OpenApiTools tools;

  PetstoreFixture(
      String document, BiFunction<OpenApiTools.Builder, Integer, OpenApiTools.Builder> customize)
      throws Exception {
    server.start();
    int port = server.getPort();
    tools =
        customize
            .apply(OpenApiTools.builder().documentText(document(document, port)), port)
            .build();
  }

  /** Uses the document's servers, untrusted: loopback is refused. */
  PetstoreFixture(String document) throws Exception {
    this(document, (b, port) -> b);
  }

  /** Allows the server's host and port, as an operator's allowlist would. */
  static PetstoreFixture allowed(String document, UnaryOperator<OpenApiTools.Builder> more)
      throws Exception {
    return new PetstoreFixture(
        document, (b, port) -> more.apply(b.allowedHosts(List.of("127.0.0.1:" + port))));
  }

  static String document(String name, int port) {
    return Fixtures.text(PetstoreFixture.class, "openapi/" + name)
        .replace("PORT", Integer.toString(port));
  }

  List<Tool> list() {
    return tools.tools();
  }

  Tool tool(String name) {
    return tools.tools().stream()
        .filter(t -> t.spec().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name));
  }

  ToolResult call(String name, String arguments) {
    return tool(name).execute(ToolCall.of("c", name, arguments), ToolContext.none());
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Override
  public void close() {
    tools.close();
    server.close();
  }
}
