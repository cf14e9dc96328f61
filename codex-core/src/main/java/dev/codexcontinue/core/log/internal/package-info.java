/** The conversation log's file format, scanning and recovery. No compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.core.log.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
