package dev.codexcontinue.plugins.docs.internal;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.api.exception.ToolArgumentException;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * What the docs tools have in common: they only read (default permission {@code ALLOW}), check
 * their arguments themselves, and turn every failure into an error result whose text carries no
 * secret.
 */
public abstract class DocsTool implements Tool {
  private final ToolSpec spec;
  private final Set<String> arguments;

  /** Holds the tools' shared configuration. */
  protected final DocsConfig config;

  /** Creates a tool with its spec, the names of its arguments and the shared configuration. */
  protected DocsTool(ToolSpec spec, Set<String> arguments, DocsConfig config) {
    this.spec = spec;
    this.arguments = Set.copyOf(arguments);
    this.config = config;
  }

  @Override
  public final ToolSpec spec() {
    return spec;
  }

  @Override
  public final ToolPermission defaultPermission() {
    return ToolPermission.ALLOW;
  }

  @Override
  public final ToolResult execute(ToolCall call, ToolContext context) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(context, "context == null");
    try {
      return run(JsonArguments.parse(spec.name(), call.arguments(), arguments), context);
    } catch (ToolArgumentException e) {
      return ToolResult.error(config.finish(String.join("; ", e.violations())));
    } catch (PathDeniedException e) {
      return ToolResult.error(config.finish(String.valueOf(e.getMessage())));
    } catch (IOException e) {
      return ToolResult.error(spec.name() + " failed: " + e.getClass().getSimpleName());
    }
  }

  /** Runs a call whose arguments parsed. */
  protected abstract ToolResult run(JsonArguments args, ToolContext context)
      throws PathDeniedException, IOException;
}
