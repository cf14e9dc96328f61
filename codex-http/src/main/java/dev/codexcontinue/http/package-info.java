/**
 * The one HTTP transport that providers and plugins share: an OkHttp client tuned for streaming,
 * Server-Sent Events and NDJSON decoding, retries with backoff and {@code Retry-After}, mapping of
 * HTTP failures to the {@link dev.codexcontinue.api.exception.CodexException} hierarchy, a bounded
 * admission limiter and secret redaction.
 *
 * <p>Start at {@link dev.codexcontinue.http.HttpTransport}. Rules for the whole package: built
 * objects are immutable and thread-safe unless their javadoc says otherwise; builders are not
 * thread-safe. Callbacks of asynchronous and streaming calls run on OkHttp dispatcher threads.
 * Nothing returns {@code null}.
 */
@NonNullByDefault
package dev.codexcontinue.http;

import dev.codexcontinue.api.annotation.NonNullByDefault;
