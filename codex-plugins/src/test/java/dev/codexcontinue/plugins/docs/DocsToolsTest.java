package dev.codexcontinue.plugins.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The docs tools' behaviour and limits, called directly as a host without an agent would. */
@Timeout(30)
final class DocsToolsTest {
  @TempDir Path base;
  private Path root;
  private DocsTools docs;

  @BeforeEach
  void createTree() throws Exception {
    root = Files.createDirectory(base.resolve("root"));
    Files.createDirectories(root.resolve("docs/api"));
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve(".git/config"), "secret config");
    Files.writeString(root.resolve("docs/a.md"), "# Alpha\nretry twice\nthen stop\n");
    Files.writeString(root.resolve("docs/api/b.txt"), "RETRY policy\n");
    Files.write(root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    Files.createSymbolicLink(root.resolve("etc"), Path.of("/etc"));
    String lines =
        IntStream.rangeClosed(1, 50).mapToObj(i -> "row " + i).collect(Collectors.joining("\n"));
    Files.writeString(root.resolve("long.txt"), lines + "\n");
    docs = DocsTools.builder().root(root).build();
  }

  private ToolResult call(String name, String arguments) {
    Tool tool =
        docs.tools().stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
    return tool.execute(ToolCall.of("c", name, arguments), ToolContext.none());
  }

  @Test
  void tools_readOnlyTrioWithoutAnIndex_allowedByDefault() {
    assertThat(docs.tools())
        .extracting(t -> t.spec().name())
        .containsExactly("docs_list", "docs_read", "docs_grep");
    assertThat(docs.tools())
        .allSatisfy(t -> assertThat(t.defaultPermission()).isEqualTo(ToolPermission.ALLOW));
    assertThat(docs.indexer()).isEmpty();
  }

  @Test
  void list_showsEntriesSkipsHiddenAndMarksLinks() {
    ToolResult top = call("docs_list", "{}");
    assertThat(top.isError()).isFalse();
    assertThat(top.content())
        .contains("docs/\n")
        .contains("etc (symbolic link)")
        .contains("long.txt (");
    assertThat(top.content()).doesNotContain(".git").doesNotContain("docs/a.md");
    ToolResult all = call("docs_list", "{\"path\":\"docs\",\"recursive\":true}");
    assertThat(all.content())
        .contains("docs/a.md (")
        .contains("docs/api/b.txt (")
        .contains("docs/api/");
  }

  @Test
  void list_outsideOrThroughALink_isRefused() {
    assertThat(call("docs_list", "{\"path\":\"etc\"}").content()).contains("outside the root");
    assertThat(call("docs_list", "{\"path\":\"..\"}").isError()).isTrue();
    assertThat(call("docs_list", "{\"path\":\"long.txt\"}").content()).contains("not a directory");
  }

  @Test
  void list_cap_stopsWithAMarker() {
    DocsTools capped = DocsTools.builder().root(root).maxListEntries(2).build();
    ToolResult result =
        capped
            .tools()
            .get(0)
            .execute(ToolCall.of("c", "docs_list", "{\"recursive\":true}"), ToolContext.none());
    assertThat(result.content()).contains("[listing stopped at 2 entries]");
  }

  @Test
  void read_wholeFile_numbersItsLines() {
    ToolResult result = call("docs_read", "{\"path\":\"docs/a.md\"}");
    assertThat(result.isError()).isFalse();
    assertThat(result.content())
        .isEqualTo("docs/a.md (lines 1-3 of 3)\n1: # Alpha\n2: retry twice\n3: then stop\n");
  }

  @Test
  void read_lineRange_returnsThoseLines() {
    ToolResult result =
        call("docs_read", "{\"path\":\"long.txt\",\"start_line\":10,\"end_line\":12}");
    assertThat(result.content())
        .isEqualTo("long.txt (lines 10-12 of 50)\n10: row 10\n11: row 11\n12: row 12\n");
    assertThat(call("docs_read", "{\"path\":\"long.txt\",\"start_line\":60}").content())
        .contains("has 50 lines");
    assertThat(
            call("docs_read", "{\"path\":\"long.txt\",\"start_line\":5,\"end_line\":2}").isError())
        .isTrue();
  }

  @Test
  void read_outputCap_endsAtAWholeLineAndSaysWhereToContinue() throws Exception {
    Files.writeString(root.resolve("wide.txt"), ("w".repeat(100) + "\n").repeat(40));
    DocsTools small = DocsTools.builder().root(root).maxOutputChars(1024).build();
    ToolResult result =
        small
            .tools()
            .get(1)
            .execute(ToolCall.of("c", "docs_read", "{\"path\":\"wide.txt\"}"), ToolContext.none());
    assertThat(result.content()).contains("[output cap reached; continue with start_line=");
    assertThat(result.content().length()).isLessThanOrEqualTo(1024);
  }

  @Test
  void read_hostileOrUnreadable_isAnErrorResult() {
    assertThat(call("docs_read", "{\"path\":\"../../etc/passwd\"}").content())
        .contains("outside the root");
    assertThat(call("docs_read", "{\"path\":\"etc/passwd\"}").content())
        .contains("outside the root");
    assertThat(call("docs_read", "{\"path\":\"logo.png\"}").content()).contains("binary");
    assertThat(call("docs_read", "{\"path\":\"docs\"}").content()).contains("directory");
    assertThat(call("docs_read", "{}").content()).contains("/path: required");
    assertThat(call("docs_read", "{\"path\":\"a\",\"extra\":1}").content()).contains("/extra");
  }

  @Test
  void grep_findsLinesWithCitationsAndSkipsHiddenAndBinary() {
    ToolResult result = call("docs_grep", "{\"pattern\":\"retry\",\"ignore_case\":true}");
    assertThat(result.content())
        .contains("docs/a.md:2: retry twice")
        .contains("docs/api/b.txt:1: RETRY policy")
        .doesNotContain(".git");
    assertThat(call("docs_grep", "{\"pattern\":\"retry\"}").content()).doesNotContain("RETRY");
    assertThat(call("docs_grep", "{\"pattern\":\"zzz\"}").content()).isEqualTo("no matches\n");
    assertThat(call("docs_grep", "{\"pattern\":\"config\"}").content()).isEqualTo("no matches\n");
  }

  @Test
  void grep_resultCap_stopsWithAMarker() {
    ToolResult result = call("docs_grep", "{\"pattern\":\"row\",\"max_results\":3}");
    assertThat(result.content().lines()).hasSize(4).last().isEqualTo("[stopped at 3 matches]");
  }

  @Test
  void grep_catastrophicPattern_failsFastInsteadOfHanging() throws Exception {
    // Java memoizes the textbook (a+)+$; nested loops still take exponential time.
    Files.writeString(root.resolve("evil.txt"), "a".repeat(40) + "\n");
    ToolResult result = call("docs_grep", "{\"pattern\":\"((a+)+)+c\",\"path\":\"evil.txt\"}");
    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("backtracks too much");
  }

  @Test
  void grep_invalidPatternOrPath_isAnErrorResult() {
    assertThat(call("docs_grep", "{\"pattern\":\"(\"}").content())
        .contains("invalid regular expression");
    assertThat(call("docs_grep", "{\"pattern\":\"x\",\"path\":\"/etc\"}").content())
        .contains("outside the root");
  }

  @Test
  void builder_checksItsInput() {
    assertThatThrownBy(() -> DocsTools.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DocsTools.builder().maxFileBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocsTools.builder().maxFileBytes(65L << 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocsTools.builder().maxGrepMatches(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocsTools.builder().grepTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocsTools.builder().root(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DocsTools.builder().root(root.resolve("missing")).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
