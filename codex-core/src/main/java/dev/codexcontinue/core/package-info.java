/**
 * The agent: the seven-step pipeline (receive, retrieve memory, match tools, construct prompt, call
 * the LLM with the tool loop, store memory, return) behind blocking, asynchronous and streaming
 * faces.
 */
@NonNullByDefault
package dev.codexcontinue.core;

import dev.codexcontinue.api.annotation.NonNullByDefault;
