package dev.codexcontinue.core.completion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class DocumentDeclarationsTest {
  private static final String[] PIECES = {
    "\n", "\n\n", "def area(", "class Shape", "  ", "):\n", "    return x\n", "int total = 0;\n",
    "fn build(cfg: &Config) {\n", "(", ")", "x", "y", "Config", "// note\n", "let count = 1;\n",
    "static String label(\n      String name,\n      int n) {\n", "}\n"
  };
  private static final Set<String> NAMES =
      Set.of("area", "Shape", "total", "build", "count", "label", "Config");

  @Test
  void outside_randomEdits_matchAFreshScanEveryTime() {
    Random random = new Random(20261124L);
    DocumentDeclarations incremental = new DocumentDeclarations();
    StringBuilder doc = new StringBuilder("class Shape {\n  int total = 0;\n}\n\ndef area(r):\n");
    for (int step = 0; step < 2000; step++) {
      int at = random.nextInt(doc.length() + 1);
      if (random.nextInt(3) == 0 && doc.length() > 0) {
        int end = Math.min(doc.length(), at + 1 + random.nextInt(12));
        doc.delete(Math.min(at, doc.length() - 1), end);
      } else {
        doc.insert(at, PIECES[random.nextInt(PIECES.length)]);
      }
      String text = doc.toString();
      int from = random.nextInt(text.length() + 1);
      int to = from + random.nextInt(text.length() - from + 1);

      Map<String, String> expected = new DocumentDeclarations().outside(text, from, to, NAMES);
      assertThat(incremental.outside(text, from, to, NAMES))
          .as("step %d", step)
          .isEqualTo(expected);
    }
  }

  @Test
  void outside_skipsDeclarationsInsideTheWindowsAndKeepsTheFirstOutside() {
    String text = "def area(a):\n  pass\ndef area(b):\n  pass\n";
    int second = text.indexOf("def area(b)");

    assertThat(new DocumentDeclarations().outside(text, 0, second, Set.of("area")))
        .containsExactly(Map.entry("area", "def area(b):"));
    assertThat(new DocumentDeclarations().outside(text, 0, text.length(), Set.of("area")))
        .isEmpty();
  }
}
