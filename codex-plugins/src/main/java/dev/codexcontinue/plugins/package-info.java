/**
 * Tools for agents, safe by default: each declares the JSON Schema of its arguments, a default
 * permission (reads allow, side effects ask) and its limits, and is discovered through {@link
 * dev.codexcontinue.api.spi.ToolFactory}.
 */
@NonNullByDefault
package dev.codexcontinue.plugins;

import dev.codexcontinue.api.annotation.NonNullByDefault;
