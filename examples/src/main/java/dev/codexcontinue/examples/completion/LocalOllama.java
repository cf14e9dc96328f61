package dev.codexcontinue.examples.completion;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.provider.ollama.OllamaProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * The completion example's offline stand-in: a MockWebServer on loopback that answers one {@code
 * /api/generate} call with a recorded Ollama response (qwen2.5-coder completing fib's body), and an
 * {@link OllamaProvider} pointed at it, so the whole HTTP path runs as it would against Ollama.
 */
final class LocalOllama {
  private LocalOllama() {}

  /** Starts {@code server} with Ollama's answer for the document and returns a provider for it. */
  static Provider start(MockWebServer server) {
    try (var body = LocalOllama.class.getResourceAsStream("ollama-generate.json")) {
      if (body == null) {
        throw new IllegalStateException("ollama-generate.json is missing from the class path");
      }
      server.enqueue(
          new MockResponse.Builder()
              .setHeader("Content-Type", "application/json")
              .body(new String(body.readAllBytes(), StandardCharsets.UTF_8))
              .build());
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return OllamaProvider.builder()
        .baseUrl(server.url("/").toString())
        .model("qwen2.5-coder:1.5b")
        .build();
  }
}
