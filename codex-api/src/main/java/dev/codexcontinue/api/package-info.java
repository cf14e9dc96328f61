/**
 * The types applications and plugins share: chat messages, requests and responses, streaming
 * chunks, tool specs, calls and results, embeddings, code completion, settings and secrets, and the
 * {@link dev.codexcontinue.api.Provider}, {@link dev.codexcontinue.api.Tool} and {@link
 * dev.codexcontinue.api.PromptTemplate} interfaces.
 *
 * <p>Rules for the whole package: values are immutable and thread-safe; builders are neither.
 * Nothing returns {@code null}: absent values are {@code Optional} and collections are empty.
 * Methods check their arguments and throw {@code NullPointerException} or {@code
 * IllegalArgumentException} on misuse.
 */
@NonNullByDefault
package dev.codexcontinue.api;

import dev.codexcontinue.api.annotation.NonNullByDefault;
