package dev.codexcontinue.examples.customprovider;

import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.spi.ProviderFactory;
import java.util.Map;

/**
 * Registers {@link FaqProvider} for discovery under the id {@code faq}: the file {@code
 * META-INF/services/dev.codexcontinue.api.spi.ProviderFactory} names this class. Like every factory
 * it has a public no-argument constructor that does no I/O, since discovery instantiates every
 * registered factory to read its id.
 *
 * <p>Settings: {@code faq.unknown-answer} (environment {@code CODEX_FAQ_UNKNOWN_ANSWER}), what the
 * provider says when no entry matches.
 */
public final class FaqProviderFactory implements ProviderFactory {
  static final Map<String, String> TEAM_FAQ =
      Map.of(
          "build compile test maven",
          "Run ./mvnw -B verify from the repository root; it needs only Java 17.",
          "release version publish",
          "Releases are cut on Tuesdays; the release manager publishes to Maven Central.",
          "vacation holiday leave",
          "Book leave in the HR portal and tell your team lead a week ahead.");

  /** Creates the factory; does nothing else. */
  public FaqProviderFactory() {}

  @Override
  public String id() {
    return FaqProvider.ID;
  }

  @Override
  public Provider create(Settings settings) {
    return new FaqProvider(
        TEAM_FAQ,
        settings.get("faq.unknown-answer", "I do not know; please ask in #engineering-help."));
  }
}
