package dev.codexcontinue.provider.ollama.internal;

import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.ProviderException;
import dev.codexcontinue.http.ErrorMapper;
import dev.codexcontinue.http.HttpError;
import dev.codexcontinue.provider.ollama.ModelNotFoundException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ollama's own error mapping, consulted before the standard one: a 404 whose {@code {"error": ...}}
 * names a missing model ({@code model 'x' not found}, or {@code model "x" not found, try pulling it
 * first} from older servers) becomes {@link ModelNotFoundException}, whose message says how to get
 * the model. A 404 without such a message (an unknown route on an old server or a proxy) is left to
 * the standard mapping.
 */
public final class OllamaErrors {
  private static final Pattern MISSING_MODEL =
      Pattern.compile("model\\s+['\"]([^'\"]+)['\"]\\s+not found");

  private OllamaErrors() {}

  /** Returns the rule. */
  public static ErrorMapper.Rule rule() {
    return OllamaErrors::map;
  }

  private static Optional<ProviderException> map(
      HttpError error, ErrorDetails details, String message) {
    if (error.status() != 404) {
      return Optional.empty();
    }
    Matcher m = MISSING_MODEL.matcher(error.errorBody().message());
    if (!m.find()) {
      return Optional.empty();
    }
    String model = m.group(1);
    return Optional.of(
        new ModelNotFoundException(
            message + "; the server does not have it: download it with `ollama pull " + model + "`",
            details.toBuilder().errorCode("model_not_found").build(),
            model,
            null));
  }
}
