/** Implementation of the shell tool: command rules, process running and sandboxing; not API. */
@NonNullByDefault
package dev.codexcontinue.plugins.shell.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
