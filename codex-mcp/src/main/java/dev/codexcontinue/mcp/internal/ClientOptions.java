package dev.codexcontinue.mcp.internal;

import dev.codexcontinue.http.Redactor;
import java.time.Duration;

/**
 * The settings a client's requests and tools share.
 *
 * @param requestTimeout the longest wait for one answer
 * @param toolPrefix prefixed to every tool name
 * @param resourceTools whether resources are offered to the model as tools
 * @param trustReadOnlyHints whether a tool the server calls read-only is allowed without asking
 * @param maxResultChars the most characters of a result handed on
 * @param redactor masks configured secrets in results, errors and logs
 */
public record ClientOptions(
    Duration requestTimeout,
    String toolPrefix,
    boolean resourceTools,
    boolean trustReadOnlyHints,
    int maxResultChars,
    Redactor redactor) {}
