/**
 * Tools for the agent: declaring them ({@link dev.codexcontinue.core.tool.Tools}, {@link
 * dev.codexcontinue.core.tool.JsonSchema}, {@link dev.codexcontinue.core.tool.ToolMethod}),
 * deciding which calls may run ({@link dev.codexcontinue.core.tool.ToolPolicy}, {@link
 * dev.codexcontinue.core.tool.ToolApprover}) and running them ({@link
 * dev.codexcontinue.core.tool.ToolExecutor}).
 *
 * <p>Everything a model sends is untrusted: arguments are parsed under fixed JSON limits and
 * validated against the tool's schema before anything runs, the policy is enforced in code, and
 * every text that goes back to the model is stripped of control characters and capped. Built
 * objects are immutable and thread-safe; builders are not.
 */
@NonNullByDefault
package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.annotation.NonNullByDefault;
