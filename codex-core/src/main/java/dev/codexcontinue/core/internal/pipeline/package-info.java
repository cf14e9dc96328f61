/**
 * The agent pipeline: one class per step of a turn, the per-turn context they share, and the
 * default agent that runs them behind the blocking, asynchronous and streaming faces. No
 * compatibility promise.
 */
@NonNullByDefault
package dev.codexcontinue.core.internal.pipeline;

import dev.codexcontinue.api.annotation.NonNullByDefault;
