package dev.codexcontinue.examples;

import dev.codexcontinue.api.Settings;
import mockwebserver3.MockWebServer;

/** Settings that point an example at a provider served by a local MockWebServer. */
public final class LocalServers {
  private LocalServers() {}

  /**
   * Returns settings choosing the {@code ollama} provider on {@code server}, with {@code model}.
   */
  public static Settings ollama(MockWebServer server, String model) {
    return Settings.builder()
        .put("examples.provider", "ollama")
        .put("ollama.host", server.url("/").toString())
        .put("ollama.model", model)
        .build();
  }
}
