package dev.codexcontinue.plugins.docs;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.spi.ToolFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Creates {@code docs_list}, {@code docs_read} and {@code docs_grep} from settings; id {@code
 * docs}. Keys: {@code docs.root} (required), {@code docs.max-file-bytes} ({@code 1048576}), {@code
 * docs.max-list-entries} ({@code 1000}), {@code docs.max-grep-matches} ({@code 100}), {@code
 * docs.grep-timeout} ({@code 2s}). Every secret value of the settings is masked in the tools'
 * output. {@code docs_search} needs a {@link dev.codexcontinue.api.memory.MemoryStore} and an
 * embedding model, which settings cannot carry: build it with {@link DocsTools#builder()} and
 * {@link DocsIndexer}.
 */
public final class DocsToolFactory implements ToolFactory {
  /** The factory id. */
  public static final String ID = "docs";

  /** Creates the factory; ServiceLoader calls this. */
  public DocsToolFactory() {}

  @Override
  public String id() {
    return ID;
  }

  /**
   * Creates the docs tools.
   *
   * @throws ConfigurationException when a setting is missing or invalid
   */
  @Override
  public List<Tool> create(Settings settings) {
    Objects.requireNonNull(settings, "settings == null");
    DocsTools.Builder builder = DocsTools.builder().root(Path.of(settings.require("docs.root")));
    try {
      settings
          .get("docs.max-file-bytes")
          .map(v -> Long.parseLong(v.strip()))
          .ifPresent(builder::maxFileBytes);
      settings.integer("docs.max-list-entries").ifPresent(builder::maxListEntries);
      settings.integer("docs.max-grep-matches").ifPresent(builder::maxGrepMatches);
      settings.duration("docs.grep-timeout").ifPresent(builder::grepTimeout);
      builder.secrets(settings.secretValues());
      return builder.build().tools();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ConfigurationException("invalid docs tool settings: " + e.getMessage(), e);
    }
  }
}
