package dev.codexcontinue.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.exception.TemplateException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PromptLibraryTest {
  @TempDir Path dir;

  private final Map<String, String> vars = Map.of("user", "ada", "date", "2026-11-24");

  @Test
  void builtins_renderWithUserAndDate() {
    PromptLibrary lib = PromptLibrary.defaults();
    for (String name :
        new String[] {
          PromptLibrary.CODING_ASSISTANT, PromptLibrary.CODE_REVIEWER, PromptLibrary.SHELL_HELPER
        }) {
      assertThat(lib.render(name, vars)).contains("ada").contains("2026-11-24");
    }
    assertThat(lib.render(PromptLibrary.MEMORY_CONTEXT, Map.of("memories", "- likes tea")))
        .contains("- likes tea");
  }

  @Test
  void put_overridesBuiltinAndAddsNew() {
    PromptLibrary lib =
        PromptLibrary.builder()
            .put(PromptLibrary.CODING_ASSISTANT, "custom for {{user}}")
            .put("greeter", "hello")
            .build();
    assertThat(lib.render(PromptLibrary.CODING_ASSISTANT, vars)).isEqualTo("custom for ada");
    assertThat(lib.names()).contains("greeter", PromptLibrary.SHELL_HELPER);
  }

  @Test
  void classPathResource_overridesBuiltin() throws Exception {
    Path prompts = Files.createDirectories(dir.resolve("codex/prompts"));
    Files.writeString(prompts.resolve("code-reviewer.md"), "team reviewer for {{user}}");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      PromptLibrary lib = PromptLibrary.builder().classLoader(loader).build();
      assertThat(lib.render(PromptLibrary.CODE_REVIEWER, vars)).isEqualTo("team reviewer for ada");
      assertThat(lib.render(PromptLibrary.SHELL_HELPER, vars)).contains("shell");
    }
  }

  @Test
  void get_unknownOrTraversingName_throwsListingKnown() {
    PromptLibrary lib = PromptLibrary.defaults();
    assertThatThrownBy(() -> lib.get("nope"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining(PromptLibrary.CODING_ASSISTANT);
    assertThatThrownBy(() -> lib.get("../prompt/coding-assistant"))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void get_cachesCompiledTemplate() {
    PromptLibrary lib = PromptLibrary.defaults();
    assertThat(lib.get(PromptLibrary.SHELL_HELPER)).isSameAs(lib.get(PromptLibrary.SHELL_HELPER));
  }
}
