/**
 * The exception hierarchy. Every exception the SDK throws is unchecked and extends {@link
 * dev.codexcontinue.api.exception.CodexException}; caller misuse is reported with plain {@code
 * NullPointerException}, {@code IllegalArgumentException} or {@code IllegalStateException}.
 * Messages carry context (provider, model, status, request id), never secrets, prompts or
 * completions.
 */
@NonNullByDefault
package dev.codexcontinue.api.exception;

import dev.codexcontinue.api.annotation.NonNullByDefault;
