/**
 * Client-side rate limits: an exact {@link dev.codexcontinue.core.ratelimit.TokenBucket} and a
 * {@link dev.codexcontinue.core.ratelimit.RateLimiter} of requests and tokens per minute, per
 * provider and per user, that adapts to the {@code x-ratelimit-*} headers servers send. The agent
 * takes a limiter with {@code AgentBuilder.rateLimiter(..)} and asks it before every model call.
 */
@NonNullByDefault
package dev.codexcontinue.core.ratelimit;

import dev.codexcontinue.api.annotation.NonNullByDefault;
