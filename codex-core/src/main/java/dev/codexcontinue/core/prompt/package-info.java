/**
 * The prompt library: the default logic-less {@code {{name}}} template engine and the named
 * templates (built-in system prompts for a coding assistant, a code reviewer and a shell helper),
 * which applications can override with classpath resources or in code.
 */
@NonNullByDefault
package dev.codexcontinue.core.prompt;

import dev.codexcontinue.api.annotation.NonNullByDefault;
