/**
 * The agent over HTTP: OpenAI- and Tabby-compatible endpoints, agent endpoints (sessions, tools,
 * memory, prompts, health, metrics, OpenAPI) and a web playground.
 *
 * <p>{@link dev.codexcontinue.server.CodexServer} runs standalone on the JDK's built-in HTTP
 * server; {@link dev.codexcontinue.server.CodexHttpHandler} is the plain handler a host mounts in
 * its own server through {@link dev.codexcontinue.server.ServerRequest} and {@link
 * dev.codexcontinue.server.ServerResponse}. Every type here is thread-safe unless it says
 * otherwise.
 */
@NonNullByDefault
package dev.codexcontinue.server;

import dev.codexcontinue.api.annotation.NonNullByDefault;
