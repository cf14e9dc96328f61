/**
 * Session memory on Redis: a {@link dev.codexcontinue.api.memory.SessionStore} that every instance
 * of an agent shares, with atomic appends and an idle time-to-live.
 */
@NonNullByDefault
package dev.codexcontinue.memory.redis;

import dev.codexcontinue.api.annotation.NonNullByDefault;
