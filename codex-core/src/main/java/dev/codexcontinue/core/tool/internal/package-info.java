/**
 * Implementation details of the tool subsystem: the JSON Schema validator, argument parsing, policy
 * patterns, output sanitising and time-boxed execution. No compatibility promise.
 */
@NonNullByDefault
package dev.codexcontinue.core.tool.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
