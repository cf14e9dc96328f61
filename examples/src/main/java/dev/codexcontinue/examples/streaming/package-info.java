/** Streaming an agent's answer: pulled as a {@code ChatStream}, pushed to a listener, cancelled. */
@NonNullByDefault
package dev.codexcontinue.examples.streaming;

import dev.codexcontinue.api.annotation.NonNullByDefault;
