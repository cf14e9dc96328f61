package dev.codexcontinue.provider.ollama;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.InvalidRequestException;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The Ollama server does not have the model a call named (HTTP 404 {@code model '...' not found}).
 * The message names the model and the command that downloads it, {@code ollama pull <model>}.
 */
public final class ModelNotFoundException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  private final String model;

  /** Creates the exception for {@code model}. */
  public ModelNotFoundException(
      String message, ErrorDetails details, String model, @Nullable Throwable cause) {
    super(message, details, cause);
    this.model = Objects.requireNonNull(model, "model == null");
  }

  /** Returns the name of the missing model, as the server spelled it. */
  public String model() {
    return model;
  }
}
