/**
 * The shell tool: runs allowlisted programs as argv lists in a workspace, with argument vetoes, a
 * scrubbed environment, a timeout that kills the process tree, capped output and an optional
 * bubblewrap sandbox. Start with {@link dev.codexcontinue.plugins.shell.ShellTool#builder()}.
 */
@NonNullByDefault
package dev.codexcontinue.plugins.shell;

import dev.codexcontinue.api.annotation.NonNullByDefault;
