package dev.codexcontinue.api.exception;

/** A prompt template could not be parsed or rendered: bad syntax, an unknown variable. */
public class TemplateException extends CodexException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public TemplateException(String message) {
    super(message);
  }
}
