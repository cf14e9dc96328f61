package dev.codexcontinue.api;

import java.util.Map;
import java.util.Set;

/**
 * A named prompt rendered from variables. The default engine is logic-less {@code {{name}}}
 * substitution: values are inserted once and never re-expanded, an unknown variable is an error,
 * and the output is capped. Implementations are immutable and thread-safe.
 */
public interface PromptTemplate {
  /** Returns the template's name, for example {@code coding-assistant}. */
  String name();

  /** Returns the names of the variables the template uses. */
  Set<String> variables();

  /**
   * Renders the template.
   *
   * @param values a value for every variable; values are converted with {@code String.valueOf}
   * @throws dev.codexcontinue.api.exception.TemplateException when a variable has no value
   * @throws dev.codexcontinue.api.exception.TemplateTooLargeException when the output would exceed
   *     the cap
   */
  String render(Map<String, ?> values);
}
