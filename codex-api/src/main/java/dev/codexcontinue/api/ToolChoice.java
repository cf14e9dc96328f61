package dev.codexcontinue.api;

import dev.codexcontinue.api.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** Whether and which tool the model must call: auto, none, required, or one named tool. */
public final class ToolChoice {
  /** The model decides. */
  public static final ToolChoice AUTO = new ToolChoice("auto", null);

  /** The model must not call tools. */
  public static final ToolChoice NONE = new ToolChoice("none", null);

  /** The model must call at least one tool. */
  public static final ToolChoice REQUIRED = new ToolChoice("required", null);

  private final String mode;
  @Nullable private final String toolName;

  private ToolChoice(String mode, @Nullable String toolName) {
    this.mode = mode;
    this.toolName = toolName;
  }

  /** Returns the choice that forces a call of the named tool. */
  public static ToolChoice tool(String name) {
    return new ToolChoice("tool", Checks.notBlank(name, "name"));
  }

  /** Returns {@code auto}, {@code none}, {@code required} or {@code tool}. */
  public String mode() {
    return mode;
  }

  /** Returns the forced tool's name when the mode is {@code tool}. */
  public Optional<String> toolName() {
    return Optional.ofNullable(toolName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ToolChoice c && c.mode.equals(mode) && Objects.equals(c.toolName, toolName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, toolName);
  }

  @Override
  public String toString() {
    return toolName == null ? mode : mode + ":" + toolName;
  }
}
