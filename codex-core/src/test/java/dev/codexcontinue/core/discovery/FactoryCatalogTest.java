package dev.codexcontinue.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.api.spi.PromptTemplateFactory;
import dev.codexcontinue.api.spi.ToolFactory;
import dev.codexcontinue.core.prompt.DefaultTemplateEngine;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FactoryCatalogTest {
  @TempDir Path dir;

  /** A tool plugin with id {@code twin}. */
  public static final class TwinA implements ToolFactory {
    @Override
    public String id() {
      return "twin";
    }

    @Override
    public List<Tool> create(Settings settings) {
      return List.of();
    }
  }

  /** Another tool plugin with id {@code twin}. */
  public static final class TwinB implements ToolFactory {
    @Override
    public String id() {
      return "twin";
    }

    @Override
    public List<Tool> create(Settings settings) {
      return List.of();
    }
  }

  @Test
  void select_knownId_returnsFactory() {
    FactoryCatalog<ToolFactory> c =
        FactoryCatalog.of("tool plugin", List.of(new TwinA()), ToolFactory::id);
    assertThat(c.select("twin")).isInstanceOf(TwinA.class);
    assertThat(c.ids()).containsExactly("twin");
  }

  @Test
  void select_unknownId_listsKnownIds() {
    FactoryCatalog<ToolFactory> c =
        FactoryCatalog.of("tool plugin", List.of(new TwinA()), ToolFactory::id);
    assertThatThrownBy(() -> c.select("shell"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'shell'")
        .hasMessageContaining("[twin]");
  }

  @Test
  void select_duplicateId_namesBothClasses() {
    FactoryCatalog<ToolFactory> c =
        FactoryCatalog.of("tool plugin", List.of(new TwinA(), new TwinB()), ToolFactory::id);
    assertThatThrownBy(() -> c.select("twin"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(TwinA.class.getName())
        .hasMessageContaining(TwinB.class.getName());
  }

  @Test
  void load_brokenEntry_isSkippedAndDuplicatesReported() throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(ToolFactory.class.getName()),
        "does.not.Exist\n" + TwinA.class.getName() + "\n" + TwinB.class.getName() + "\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      assertThat(ToolPlugins.ids(loader)).contains("twin");
      assertThatThrownBy(() -> ToolPlugins.create("twin", Settings.empty(), loader))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("several");
    }
  }

  @Test
  void promptEngines_defaultEngineIsRegistered() {
    PromptTemplateFactory engine = PromptEngines.get("default");
    assertThat(engine).isInstanceOf(DefaultTemplateEngine.class);
    assertThat(PromptEngines.ids(getClass().getClassLoader())).contains("default");
  }

  @Test
  void providers_unknownId_explainsWhatIsMissing() {
    assertThatThrownBy(() -> Providers.create("no-such-provider", Settings.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no provider with id 'no-such-provider'")
        .hasMessageContaining("class path");
  }
}
