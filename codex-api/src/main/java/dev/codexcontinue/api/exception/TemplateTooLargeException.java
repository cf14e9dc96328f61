package dev.codexcontinue.api.exception;

/** Rendering a prompt template would exceed the output cap. */
public class TemplateTooLargeException extends TemplateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public TemplateTooLargeException(String message) {
    super(message);
  }
}
