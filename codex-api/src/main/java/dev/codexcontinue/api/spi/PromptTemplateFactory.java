package dev.codexcontinue.api.spi;

import dev.codexcontinue.api.PromptTemplate;

/** A template engine: compiles template source into a {@link PromptTemplate}; found by id. */
public interface PromptTemplateFactory {
  /** Returns the engine id; the default engine is {@code default}. */
  String id();

  /**
   * Compiles a template.
   *
   * @throws dev.codexcontinue.api.exception.TemplateException when the source is malformed
   */
  PromptTemplate create(String name, String source);
}
