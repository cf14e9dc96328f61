package dev.codexcontinue.core.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.CompletionChoice;
import dev.codexcontinue.api.CompletionRequest;
import dev.codexcontinue.api.CompletionResponse;
import dev.codexcontinue.api.TokenUsage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class CompletionTrimmerTest {
  private final CompletionTrimmer trimmer = CompletionTrimmer.create();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "python: a line repeating the next line of the document ends the completion",
            "python",
            "def fib(n):\n    ▮\n    return fib(n - 1) + fib(n - 2)\n\n\ndef main():\n",
            "if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\n\ndef main():",
            "if n < 2:\n        return n"),
        Arguments.of(
            "python: a dedented line ends the block",
            "python",
            "def fib(n):\n    ▮\n    return fib(n - 1) + fib(n - 2)\n\n\ndef main():\n",
            "if n < 2:\n        return n\n\n\ndef main():\n    print(fib(30))\n",
            "if n < 2:\n        return n"),
        Arguments.of(
            "python: a line ending with ':' opens a block that a line at its indent ends",
            "python",
            "def compute_gcd(a, b):▮\n    return result",
            "\n  if a == 0:\n    return b\n  else:\n    return compute_gcd(b % a, a)\n\n"
                + "def compute_lcm(a, b):\n  result = (a * b) / compute_gcd(a, b)\n",
            "\n  if a == 0:\n    return b\n  else:\n    return compute_gcd(b % a, a)"),
        Arguments.of(
            "python: brackets in strings, comments and triple quotes do not count",
            "python",
            "def f():\n    ▮\n",
            "x = ')'  # ) ]\n    doc = \"\"\"close )\n    }\"\"\"\n    return x",
            "x = ')'  # ) ]\n    doc = \"\"\"close )\n    }\"\"\"\n    return x"),
        Arguments.of(
            "java: the brace closing the cursor's block is dropped when the suffix has it",
            "java",
            "class A {\n  int f(int x) {\n    ▮\n  }\n}\n",
            "int y = x * 2;\n    return y;\n  }\n\n  int g() {\n    return 0;\n  }",
            "int y = x * 2;\n    return y;"),
        Arguments.of(
            "java: blocks the completion opens and closes are kept",
            "java",
            "class A {\n  int f(int x) {\n    ▮\n  }\n}\n",
            "if (x > 0) {\n      return x;\n    }\n    return -x;\n  }\n}",
            "if (x > 0) {\n      return x;\n    }\n    return -x;"),
        Arguments.of(
            "java: braces in comments and strings do not count",
            "java",
            "class A {\n  String f() {\n    ▮\n  }\n}\n",
            "// close } here\n    String s = \"}\" + '}';\n    return s;\n  }\n}",
            "// close } here\n    String s = \"}\" + '}';\n    return s;"),
        Arguments.of(
            "java: a closing brace the suffix lacks is kept, and the completion stops after it",
            "java",
            "void f() {\n  ▮",
            "run();\n}\n\nvoid g() {}",
            "run();\n}"),
        Arguments.of(
            "java: mid-line, only the rest of the line, without the repeated line end",
            "java",
            "int y = compute(▮);\nfoo();\n",
            "a, b);\nfoo();",
            "a, b"),
        Arguments.of(
            "java: mid-line, own brackets that match the suffix's characters are kept",
            "java",
            "int y = values▮]\n",
            "[0]",
            "[0]"),
        Arguments.of(
            "javascript: a template string spanning lines hides its braces",
            "javascript",
            "function f(a) {\n  ▮\n}\n",
            "const s = `${a}\n}`;\n  return s;\n}\n\nfunction g() {}",
            "const s = `${a}\n}`;\n  return s;"),
        Arguments.of(
            "typescript: block comments hide braces",
            "typescript",
            "export function f(): number {\n  ▮\n}\n",
            "/* } */ const n = 1;\n  return n;\n}",
            "/* } */ const n = 1;\n  return n;"),
        Arguments.of(
            "go: a case label at the switch's indentation ends the case",
            "go",
            "switch x {\ncase 1:\n\t▮\n}\n",
            "foo()\ncase 2:\n\tbar()\n}",
            "foo()"),
        Arguments.of(
            "rust: lifetimes are not strings",
            "rust",
            "fn main() {\n    ▮\n}\n",
            "let s: &'static str = \"x\";\n    println!(\"{}\", s);\n}\n\nfn other() {}",
            "let s: &'static str = \"x\";\n    println!(\"{}\", s);"),
        Arguments.of(
            "ruby: the dedented end is left to the document",
            "ruby",
            "def greet(name)\n  ▮\nend\n",
            "puts \"hi #{name}\"\nend\n\ndef other\nend",
            "puts \"hi #{name}\""),
        Arguments.of(
            "sql: brackets in -- comments do not count",
            "sql",
            "SELECT count(*)\nFROM orders\nWHERE ▮",
            "total > 100 -- big ones )\nORDER BY total;",
            "total > 100 -- big ones )\nORDER BY total;"),
        Arguments.of(
            "python: repeating the next line on a blank cursor line leaves nothing",
            "python",
            "def f(x):\n    ▮\n    return x\n",
            "return x",
            ""),
        Arguments.of(
            "python: CRLF documents",
            "python",
            "def f():\r\n    ▮\r\n    return 1\r\n",
            "x = 1\r\n    return 1\r\n",
            "x = 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trim_languageCases_keepTheCursorsBlockOnly(
      String name, String language, String document, String raw, String expected) {
    CompletionRequest request = Documents.request(language, document);

    assertThat(trimmer.trim(request, raw)).isEqualTo(expected);
  }

  @Test
  void trim_blankCompletion_isEmpty() {
    assertThat(trimmer.trim(Documents.request("java", "int x = ▮;"), " \n\t")).isEmpty();
  }

  @Test
  void trim_noLanguage_usesCFamilyRules() {
    CompletionRequest request = CompletionRequest.builder("void f() {\n  ", "\n}\n").build();

    assertThat(trimmer.trim(request, "g(); // }\n}\nvoid h() {}")).isEqualTo("g(); // }");
  }

  @Test
  void trimResponse_dropsEmptyChoicesAndKeepsIndexes() {
    CompletionRequest request = Documents.request("python", "def f(x):\n    ▮\n    return x\n");
    CompletionResponse raw =
        CompletionResponse.of(
            "cmpl-9",
            List.of(
                new CompletionChoice(0, "return x"),
                new CompletionChoice(1, "x += 1\n    return x")),
            "m",
            new TokenUsage(3, 4));

    CompletionResponse trimmed = trimmer.trim(request, raw);

    assertThat(trimmed.choices()).containsExactly(new CompletionChoice(1, "x += 1"));
    assertThat(trimmed.id()).isEqualTo("cmpl-9");
    assertThat(trimmed.usage()).isEqualTo(new TokenUsage(3, 4));
  }

  @Test
  void trim_nullArguments_throw() {
    CompletionRequest request = Documents.request("java", "▮");
    assertThatThrownBy(() -> trimmer.trim(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> trimmer.trim(request, (String) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> trimmer.trim(request, (CompletionResponse) null))
        .isInstanceOf(NullPointerException.class);
  }
}
