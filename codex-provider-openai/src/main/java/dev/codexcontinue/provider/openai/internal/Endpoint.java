package dev.codexcontinue.provider.openai.internal;

import dev.codexcontinue.http.HttpCall;
import javax.annotation.Nullable;

/** Where the provider's operations live and how calls to them are authorised. */
public interface Endpoint {
  /** The operations the provider calls. */
  enum Operation {
    /** Chat completions. */
    CHAT,
    /** Embeddings. */
    EMBEDDINGS,
    /** Model listing. */
    MODELS,
    /** Legacy text completions (prompt and suffix), used for code completion. */
    COMPLETIONS
  }

  /** Returns the URL of {@code operation} for {@code model} (a deployment, for Azure). */
  String url(Operation operation, @Nullable String model);

  /** Returns whether the model goes in the request body (it is in the URL otherwise). */
  boolean modelInBody();

  /** Adds credentials and configured headers to a call. */
  void authorize(HttpCall.Builder call);
}
