/**
 * Side-by-side HTTP benchmarks: the OpenAI provider on codex-http against raw OkHttp and against
 * LangChain4j's OpenAI client, all calling the same local server in the same run.
 */
@NonNullByDefault
package dev.codexcontinue.benchmarks.http;

import dev.codexcontinue.api.annotation.NonNullByDefault;
