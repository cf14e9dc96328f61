package dev.codexcontinue.examples;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.core.discovery.Providers;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Picks the model an example talks to: the provider named by the setting {@value #PROVIDER_KEY}
 * (environment variable {@code CODEX_EXAMPLES_PROVIDER}, or {@code -Dcodex.examples.provider}),
 * created by discovery from the same settings, or else the example's offline stand-in. It says
 * which one it picked, so an offline run is never mistaken for a real model.
 *
 * <pre>{@code
 * CODEX_EXAMPLES_PROVIDER=ollama OLLAMA_HOST=localhost:11434 CODEX_OLLAMA_MODEL=llama3.2 ./mvnw ...
 * }</pre>
 */
public final class ExampleProviders {
  /** The setting that names the provider to use instead of the offline stand-in. */
  public static final String PROVIDER_KEY = "examples.provider";

  private ExampleProviders() {}

  /**
   * Returns the configured provider, or {@code offline} when none is configured; prints which.
   *
   * @throws dev.codexcontinue.api.exception.ConfigurationException when the named provider is not
   *     on the class path or its settings are incomplete
   */
  public static Provider configuredOr(
      Settings settings, PrintStream out, String offlineDescription, Supplier<Provider> offline) {
    Objects.requireNonNull(settings, "settings == null");
    Objects.requireNonNull(offline, "offline == null");
    String id = settings.get(PROVIDER_KEY, "").strip();
    if (id.isEmpty()) {
      out.println("model: offline, " + offlineDescription);
      out.println("       (set CODEX_EXAMPLES_PROVIDER to one of " + Providers.ids() + ")");
      return offline.get();
    }
    Provider provider = Providers.create(id, settings);
    out.println(
        "model: "
            + provider.id()
            + " (chosen by "
            + settings.sourceOf(PROVIDER_KEY).orElse(PROVIDER_KEY)
            + ")");
    return provider;
  }
}
