/**
 * Implementation of the server: routing, wire formats, security checks and metrics. No
 * compatibility promise.
 */
@NonNullByDefault
package dev.codexcontinue.server.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
