/**
 * Code completion for editors, the same for every provider that completes code: {@link
 * dev.codexcontinue.core.completion.EditorContext} is the editor's state (document, cursor, open
 * files); {@link dev.codexcontinue.core.completion.CompletionContextBuilder} turns it into a {@link
 * dev.codexcontinue.api.CompletionRequest} (prefix and suffix windows, nearby declarations, related
 * snippets from open files); {@link dev.codexcontinue.core.completion.CompletionTrimmer} cuts a
 * model's answer to the block or line the cursor is in and drops what duplicates the text after the
 * cursor; {@link dev.codexcontinue.core.completion.CompletionCache} remembers recent answers; and
 * {@link dev.codexcontinue.core.completion.CodeCompleter} ties them together per editor session,
 * debouncing keystrokes and cancelling superseded calls.
 *
 * <p>Rules for the whole package: every type is thread-safe unless it says otherwise; nothing
 * returns {@code null}; arguments are checked and misuse throws {@code NullPointerException} or
 * {@code IllegalArgumentException}. Code text never appears in logs or exception messages.
 */
@NonNullByDefault
package dev.codexcontinue.core.completion;

import dev.codexcontinue.api.annotation.NonNullByDefault;
