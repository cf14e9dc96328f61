package dev.codexcontinue.plugins.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY 25: a file that holds the configured GitHub token, read, searched and listed through
 * the docs tools, never shows the token.
 */
final class DocsSecretsTest {
  private static final String TOKEN = "ghp_TEST_0123456789abcdefABCDEF";

  @TempDir Path root;

  @Test
  void docsTools_fileHoldingTheConfiguredToken_neverShowIt() throws Exception {
    Files.writeString(root.resolve("deploy.env"), "GITHUB_TOKEN=" + TOKEN + "\nREGION=eu\n");
    Files.createDirectories(root.resolve(TOKEN));
    Settings settings =
        Settings.builder().put("docs.root", root.toString()).put("github.token", TOKEN).build();
    List<Tool> tools = new DocsToolFactory().create(settings);

    ToolResult read = run(tools, "docs_read", "{\"path\":\"deploy.env\"}");
    assertThat(read.content())
        .contains("1: GITHUB_TOKEN=****")
        .contains("REGION=eu")
        .doesNotContain(TOKEN);
    ToolResult grep = run(tools, "docs_grep", "{\"pattern\":\"ghp_\"}");
    assertThat(grep.content()).contains("deploy.env:1: GITHUB_TOKEN=****").doesNotContain(TOKEN);
    ToolResult list = run(tools, "docs_list", "{}");
    assertThat(list.content()).contains("****/").doesNotContain(TOKEN);
    ToolResult denied = run(tools, "docs_read", "{\"path\":\"../" + TOKEN + "\"}");
    assertThat(denied.isError()).isTrue();
    assertThat(denied.content()).doesNotContain(TOKEN);
  }

  private static ToolResult run(List<Tool> tools, String name, String arguments) {
    Tool tool = tools.stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
    return tool.execute(ToolCall.of("c", name, arguments), ToolContext.none());
  }
}
