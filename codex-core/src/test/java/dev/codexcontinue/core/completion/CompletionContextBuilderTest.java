package dev.codexcontinue.core.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.CodeSnippet;
import dev.codexcontinue.api.CompletionRequest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class CompletionContextBuilderTest {
  private static final String UTIL =
      "package app;\n\nfinal class Util {\n  static int twice(int x) {\n    return 2 * x;\n  }\n\n"
          + "  static String label(\n      String name,\n      int count) {\n"
          + "    return name + count;\n  }\n}\n";

  private static String lines(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "line" + i + "\n")
        .collect(Collectors.joining());
  }

  @Test
  void build_linesLimit_keepsWholeLinesAroundTheCursor() {
    String doc = lines(1, 10) + "cur▮sor\n" + lines(11, 20);
    CompletionContextBuilder contexts =
        CompletionContextBuilder.builder().maxPrefixLines(3).maxSuffixLines(2).build();

    CompletionRequest request = contexts.build(Documents.at(doc).build());

    assertThat(request.prefix()).isEqualTo("line9\nline10\ncur");
    assertThat(request.suffix()).isEqualTo("sor\nline11\n");
  }

  @Test
  void build_charsLimit_cutsAtALineStartWithinTheBudget() {
    String doc = "aaaaaaaaaa\nbbbbbbbbbb\ncc▮dd\neeeeeeeeee\nffffffffff\n";
    CompletionContextBuilder contexts =
        CompletionContextBuilder.builder().maxPrefixChars(15).maxSuffixChars(15).build();

    CompletionRequest request = contexts.build(Documents.at(doc).build());

    assertThat(request.prefix()).isEqualTo("bbbbbbbbbb\ncc");
    assertThat(request.suffix()).isEqualTo("dd\neeeeeeeeee\n");
  }

  @Test
  void build_lineLongerThanTheBudget_isCutInsideButNeverInsideASurrogatePair() {
    String longLine = "x".repeat(20) + "😀" + "y".repeat(3);
    String doc = longLine + "▮" + "😀" + "z".repeat(20);
    CompletionContextBuilder contexts =
        CompletionContextBuilder.builder().maxPrefixChars(4).maxSuffixChars(1).build();

    CompletionRequest request = contexts.build(Documents.at(doc).build());

    assertThat(request.prefix()).isEqualTo("yyy");
    assertThat(request.suffix()).isEmpty();
  }

  @Test
  void build_copiesFileDetails_andAppliesTheCustomizer() {
    CompletionContextBuilder contexts =
        CompletionContextBuilder.builder()
            .requestCustomizer(r -> r.model("coder").maxOutputTokens(64))
            .build();

    CompletionRequest request =
        contexts.build(
            Documents.at("x = ▮")
                .language("python")
                .filePath("a.py")
                .gitUrl("https://example.com/r.git")
                .clipboard("42")
                .build());

    assertThat(request.language()).contains("python");
    assertThat(request.filePath()).contains("a.py");
    assertThat(request.gitUrl()).contains("https://example.com/r.git");
    assertThat(request.clipboard()).contains("42");
    assertThat(request.model()).contains("coder");
    assertThat(request.maxOutputTokens()).hasValue(64);
  }

  @Test
  void build_identifierDeclaredInAnOpenFile_sendsItsDeclaration() {
    EditorContext context =
        Documents.at("class App {\n  int run(int n) {\n    return Util.twice(n) + Util.label(▮\n")
            .language("java")
            .filePath("App.java")
            .addOpenFile(OpenFile.opened("Util.java", UTIL))
            .build();

    List<CodeSnippet> declarations = declarations(CompletionContextBuilder.defaults(), context);

    assertThat(declarations)
        .extracting(CodeSnippet::filePath, CodeSnippet::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Util.java", "static String label(\n      String name,\n      int count)"),
            org.assertj.core.groups.Tuple.tuple("Util.java", "final class Util"),
            org.assertj.core.groups.Tuple.tuple("Util.java", "static int twice(int x)"));
  }

  @Test
  void build_declarationOutsideTheWindows_comesFromTheDocumentItself() {
    String doc =
        "def scale(v, k):\n    return v * k\n\n"
            + lines(1, 30)
            + "result = scale(▮\n"
            + lines(31, 40)
            + "LIMIT = 10\n";
    CompletionContextBuilder contexts =
        CompletionContextBuilder.builder().maxPrefixLines(5).maxSuffixLines(3).build();

    List<CodeSnippet> declarations =
        declarations(contexts, Documents.at(doc).language("python").filePath("m.py").build());

    assertThat(declarations)
        .extracting(CodeSnippet::filePath, CodeSnippet::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("m.py", "def scale(v, k):"));
  }

  @Test
  void build_declarationInsideThePrefixWindow_isNotRepeated() {
    String doc = "def scale(v, k):\n    return v * k\n\nresult = scale(▮\n";

    assertThat(declarations(CompletionContextBuilder.defaults(), Documents.at(doc).build()))
        .isEmpty();
  }

  @Test
  void build_openFiles_sendTheirMostSimilarWindowsByScore() {
    String similar =
        "int total = 0;\nfor (Order order : orders) {\n  total += order.amount();\n}\n"
            + lines(1, 30);
    String unrelated = lines(100, 140);
    EditorContext context =
        Documents.at("int sum(List<Order> orders) {\n  int total = 0;\n  for (Order order : ▮")
            .filePath("Billing.java")
            .addOpenFile(OpenFile.changed("Report.java", similar))
            .addOpenFile(OpenFile.opened("Notes.txt", unrelated))
            .addOpenFile(OpenFile.opened("Billing.java", similar))
            .build();

    List<CodeSnippet> snippets =
        CompletionContextBuilder.defaults().build(context).snippets().stream()
            .filter(s -> s.kind() != CodeSnippet.Kind.DECLARATION)
            .toList();

    assertThat(snippets).hasSize(1);
    CodeSnippet snippet = snippets.get(0);
    assertThat(snippet.kind()).isEqualTo(CodeSnippet.Kind.CHANGED_FILE);
    assertThat(snippet.filePath()).isEqualTo("Report.java");
    assertThat(snippet.text()).startsWith("int total = 0;\nfor (Order order : orders) {");
    assertThat(snippet.score().orElseThrow()).isBetween(0.15, 1.0);
  }

  @Test
  void build_snippetsFromOpenedFiles_areRecentFileSnippetsSortedAndCapped() {
    String a = "alpha beta gamma delta\n";
    String b = "alpha beta gamma epsilon zeta eta\n";
    String c = "alpha beta theta iota kappa lambda mu\n";
    EditorContext context =
        Documents.at("alpha beta gamma delta ▮")
            .addOpenFile(OpenFile.opened("c.txt", c))
            .addOpenFile(OpenFile.opened("a.txt", a))
            .addOpenFile(OpenFile.opened("b.txt", b))
            .build();
    CompletionContextBuilder contexts =
        CompletionContextBuilder.builder().maxSnippets(2).maxDeclarations(0).build();

    List<CodeSnippet> snippets = contexts.build(context).snippets();

    assertThat(snippets).extracting(CodeSnippet::filePath).containsExactly("a.txt", "b.txt");
    assertThat(snippets).allMatch(s -> s.kind() == CodeSnippet.Kind.RECENT_FILE);
    assertThat(snippets.get(0).score().orElseThrow()).isEqualTo(1.0);
  }

  @Test
  void build_zeroLimits_sendNoRelatedCode() {
    EditorContext context =
        Documents.at("Util.twice(▮").addOpenFile(OpenFile.changed("Util.java", UTIL)).build();
    CompletionContextBuilder contexts =
        CompletionContextBuilder.builder().maxDeclarations(0).maxSnippets(0).build();

    assertThat(contexts.build(context).snippets()).isEmpty();
  }

  @Test
  void builder_rejectsBadLimits() {
    assertThatThrownBy(() -> CompletionContextBuilder.builder().maxPrefixLines(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompletionContextBuilder.builder().maxSuffixChars(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompletionContextBuilder.builder().maxSnippets(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompletionContextBuilder.builder().minSnippetScore(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompletionContextBuilder.builder().requestCustomizer(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CompletionContextBuilder.defaults().build(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void editorContext_rejectsACursorOutsideTheText() {
    assertThatThrownBy(() -> EditorContext.builder("abc", 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EditorContext.builder("abc", -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EditorContext.builder(null, 0))
        .isInstanceOf(NullPointerException.class);
    assertThat(EditorContext.builder("secret code", 3).build().toString()).doesNotContain("secret");
  }

  private static List<CodeSnippet> declarations(
      CompletionContextBuilder contexts, EditorContext context) {
    return contexts.build(context).snippets().stream()
        .filter(s -> s.kind() == CodeSnippet.Kind.DECLARATION)
        .toList();
  }
}
