package dev.codexcontinue.core.completion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class DeclarationsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          java class                 | public final class Orders<T> {      | Orders
          java generic method        | public static <T> List<T> copy(T t) { | copy
          java field                 | private final Map<String, Long> totals = new HashMap<>(); | totals
          java annotated method      | @Override public String toString() { | toString
          kotlin data class          | data class Point(val x: Int)       | Point
          kotlin function            | suspend fun load(id: Long): User    | load
          python function            | async def fetch(url):               | fetch
          python constant            | MAX_RETRIES = 3                     | MAX_RETRIES
          typescript function        | export async function handle(req) { | handle
          typescript const           | export const router = express();    | router
          go function                | func Parse(s string) (int, error) {  | Parse
          go method                  | func (r *Repo) Find(id int) *Item {  | Find
          go type                    | type Repo struct {                  | Repo
          rust function              | pub(crate) fn build(cfg: &Config) -> Self { | build
          rust struct                | pub struct Config {                 | Config
          c function                 | static int *lookup(const char *key) { | lookup
          """)
  void declaredName_commonDeclarations_nameTheDeclaredIdentifier(
      String what, String line, String name) {
    assertThat(Declarations.declaredName(line, 0, line.length())).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a call              | System.out.println(x);
          a return            | return compute(x);
          a comparison        | if (a == b) {
          an indented assign  | '    total = total + 1'
          a new object        | new Thread(task).start();
          a comment           | // class Fake
          """)
  void declaredName_statements_areNotDeclarations(String what, String line) {
    assertThat(Declarations.declaredName(line, 0, line.length())).isNull();
  }

  @org.junit.jupiter.api.Test
  void index_keepsTheFirstDeclarationAndJoinsMultiLineSignatures() {
    Map<String, String> out = new LinkedHashMap<>();
    Declarations.index(
        "def area(\n    radius,\n    scale=1):\n    return radius\n\ndef area(x):\n    pass\n",
        out);

    assertThat(out).containsExactly(Map.entry("area", "def area(\n    radius,\n    scale=1):"));
  }
}
