package dev.codexcontinue.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.PromptTemplate;
import dev.codexcontinue.api.exception.TemplateException;
import dev.codexcontinue.api.exception.TemplateTooLargeException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DefaultTemplateEngineTest {
  private final DefaultTemplateEngine engine = new DefaultTemplateEngine();

  @Test
  void render_valueLooksLikePlaceholder_isInsertedLiterallyNeverReExpanded() {
    PromptTemplate t = engine.create("t", "Hi {{user}}");
    assertThat(t.render(Map.of("user", "{{system}}", "system", "SECRET")))
        .isEqualTo("Hi {{system}}");
  }

  @Test
  void render_blanksInsideBraces_areAllowed() {
    assertThat(engine.create("t", "{{ a }}-{{b}}").render(Map.of("a", 1, "b", true)))
        .isEqualTo("1-true");
  }

  @Test
  void variables_listsEachOnce() {
    assertThat(engine.create("t", "{{a}} {{b}} {{a}}").variables())
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void render_unknownVariable_throwsNamingIt() {
    assertThatThrownBy(() -> engine.create("greet", "Hi {{user}}").render(Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("greet")
        .hasMessageContaining("'user'");
  }

  @Test
  void render_nullValue_throws() {
    Map<String, Object> values = new HashMap<>();
    values.put("user", null);
    assertThatThrownBy(() -> engine.create("t", "{{user}}").render(values))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("null");
  }

  @Test
  void create_malformedPlaceholder_throwsWithPosition() {
    assertThatThrownBy(() -> engine.create("t", "line one\nsay {{not a name}}"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("line 2, column 5");
    assertThatThrownBy(() -> engine.create("t", "open {{user"))
        .isInstanceOf(TemplateException.class);
  }

  @Test
  void create_escapedBraces_areLiteral() {
    assertThat(engine.create("t", "\\{{user}} and }} alone").render(Map.of()))
        .isEqualTo("{{user}} and }} alone");
  }

  @Test
  void render_outputOverOneMebibyte_throwsTemplateTooLarge() {
    String big = "x".repeat(600_000);
    PromptTemplate t = engine.create("t", "{{a}}{{a}}");
    assertThatThrownBy(() -> t.render(Map.of("a", big)))
        .isInstanceOf(TemplateTooLargeException.class);
    assertThat(t.render(Map.of("a", "x".repeat(500_000)))).hasSize(1_000_000);
  }

  @Test
  void withMaxOutputChars_capsOutputAndSource() {
    DefaultTemplateEngine small = DefaultTemplateEngine.withMaxOutputChars(10);
    assertThatThrownBy(() -> small.create("t", "{{a}}").render(Map.of("a", "12345678901")))
        .isInstanceOf(TemplateTooLargeException.class);
    assertThatThrownBy(() -> small.create("t", "12345678901"))
        .isInstanceOf(TemplateTooLargeException.class);
    assertThatThrownBy(() -> DefaultTemplateEngine.withMaxOutputChars(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
