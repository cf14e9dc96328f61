package dev.codexcontinue.core.prompt;

import dev.codexcontinue.api.PromptTemplate;
import dev.codexcontinue.api.spi.PromptTemplateFactory;
import dev.codexcontinue.core.prompt.internal.CompiledTemplate;

/**
 * The default template engine (id {@code default}): logic-less {@code {{name}}} substitution. No
 * expressions, loops or partials; values are inserted once and never re-expanded; an unknown
 * variable is an error; output is capped (1 MiB characters by default). Thread-safe.
 */
public final class DefaultTemplateEngine implements PromptTemplateFactory {
  /** The default cap on a rendered template, in characters. */
  public static final int DEFAULT_MAX_OUTPUT_CHARS = 1 << 20;

  private final int maxOutputChars;

  /** Creates the engine with the default output cap; the constructor ServiceLoader uses. */
  public DefaultTemplateEngine() {
    this(DEFAULT_MAX_OUTPUT_CHARS);
  }

  private DefaultTemplateEngine(int maxOutputChars) {
    this.maxOutputChars = maxOutputChars;
  }

  /** Returns an engine whose templates render at most {@code maxOutputChars} characters. */
  public static DefaultTemplateEngine withMaxOutputChars(int maxOutputChars) {
    if (maxOutputChars <= 0) {
      throw new IllegalArgumentException("maxOutputChars must be > 0");
    }
    return new DefaultTemplateEngine(maxOutputChars);
  }

  @Override
  public String id() {
    return "default";
  }

  @Override
  public PromptTemplate create(String name, String source) {
    return CompiledTemplate.parse(name, source, maxOutputChars);
  }
}
