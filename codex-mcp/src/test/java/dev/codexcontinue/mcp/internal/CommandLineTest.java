package dev.codexcontinue.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CommandLineTest {
  @Test
  void split_quotesAndEscapes_groupWords() {
    assertThat(CommandLine.split("  npx -y \"@scope/server x\" a\\ b ; rm  "))
        .containsExactly("npx", "-y", "@scope/server x", "a b", ";", "rm");
  }

  @Test
  void split_unbalancedQuoteOrBlank_isRejected() {
    assertThatThrownBy(() -> CommandLine.split("node \"x")).hasMessageContaining("quote");
    assertThatThrownBy(() -> CommandLine.split("   ")).hasMessageContaining("empty");
  }

  @Test
  void names_commaSeparated_trimmedAndBlanksDropped() {
    assertThat(CommandLine.names(" A, ,B ,")).isEqualTo(List.of("A", "B"));
  }

  @Test
  void toolNames_sanitizedPrefixedCappedAndUnique() {
    ToolNames names = new ToolNames("gh_");
    assertThat(names.next("repo/list files")).isEqualTo("gh_repo_list_files");
    assertThat(names.next("repo.list.files")).isEqualTo("gh_repo_list_files_2");
    assertThat(names.next("x".repeat(100))).hasSize(64);
    assertThatThrownBy(() -> new ToolNames("bad prefix"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
