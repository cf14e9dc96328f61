package dev.codexcontinue.core.tool;

import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.core.tool.internal.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decides, in code, whether a tool call may run ({@code allow}), needs a human's approval ({@code
 * ask}) or must not run ({@code deny}).
 *
 * <p>Rules are patterns: {@code name} or {@code name(argGlob)}. The name may hold {@code *} ({@code
 * github_*}, {@code *}); the argument glob is matched against the tool's description of the call
 * ({@link Tool#describeCall}: the command line of a shell call, for example), and {@code *} matches
 * any characters, spaces and slashes included. Every other character matches itself. Tiers are
 * evaluated deny, then ask, then allow; the first tier with a matching rule decides, so {@code deny
 * shell(rm *)} beats {@code allow shell(*)}, and {@code ask} beats {@code allow}. A call no rule
 * matches gets the fallback: the tool's {@link Tool#defaultPermission()} for {@link #defaults()},
 * {@code deny} for {@link #denyByDefault()}.
 *
 * <p>A policy is immutable and thread-safe; nothing a tool or a model returns can change it.
 *
 * <pre>{@code
 * ToolPolicy policy = ToolPolicy.builder()
 *     .allow("read_file").allow("shell(git status*)").ask("shell(*)").deny("shell(rm *)")
 *     .denyByDefault()
 *     .build();
 * }</pre>
 */
public final class ToolPolicy {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ToolPolicy.class);

  private static final ToolPolicy DEFAULTS = builder().build();
  private static final ToolPolicy DENY_BY_DEFAULT = builder().denyByDefault().build();

  private final List<PolicyRule> deny;
  private final List<PolicyRule> ask;
  private final List<PolicyRule> allow;
  private final boolean denyByDefault;

  private ToolPolicy(Builder b) {
    this.deny = List.copyOf(b.deny);
    this.ask = List.copyOf(b.ask);
    this.allow = List.copyOf(b.allow);
    this.denyByDefault = b.denyByDefault;
  }

  /** Returns a policy without rules, where each call gets its tool's default permission. */
  public static ToolPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a policy without rules that denies every call: nothing runs until allowed. */
  public static ToolPolicy denyByDefault() {
    return DENY_BY_DEFAULT;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the permission for one call. The tool's {@code describeCall} is asked only when a rule
   * with an argument glob names the tool.
   *
   * @throws RuntimeException whatever {@code tool.describeCall(call)} throws
   */
  public ToolPermission decide(Tool tool, ToolCall call) {
    Objects.requireNonNull(tool, "tool == null");
    Objects.requireNonNull(call, "call == null");
    return decide(tool.spec().name(), () -> fallback(tool, call), () -> tool.describeCall(call));
  }

  /**
   * Returns what the tool itself says about a call no rule matches; a tool that cannot say is
   * denied (fail closed).
   */
  static ToolPermission fallback(Tool tool, ToolCall call) {
    try {
      return Objects.requireNonNull(tool.permissionFor(call), "permissionFor returned null");
    } catch (RuntimeException e) {
      log.warn("tool {} could not rate a call; denied: {}", tool.spec().name(), e.toString());
      return ToolPermission.DENY;
    }
  }

  /**
   * Returns the permission for a call of {@code toolName} described by {@code description}; the
   * {@code fallback} is asked only when no rule matches.
   */
  ToolPermission decide(
      String toolName, Supplier<ToolPermission> fallback, Supplier<String> description) {
    if (firstMatch(deny, toolName, description)) {
      return ToolPermission.DENY;
    }
    if (firstMatch(ask, toolName, description)) {
      return ToolPermission.ASK;
    }
    if (firstMatch(allow, toolName, description)) {
      return ToolPermission.ALLOW;
    }
    return denyByDefault ? ToolPermission.DENY : fallback.get();
  }

  /**
   * Returns whether some call of {@code tool} could be allowed or asked, so that the model should
   * be told about it. False when a deny rule covers every call of the tool, or when no rule allows
   * or asks for it and the fallback is deny.
   */
  public boolean isAdvertised(Tool tool) {
    Objects.requireNonNull(tool, "tool == null");
    String name = tool.spec().name();
    for (PolicyRule rule : deny) {
      if (rule.matchesAllCallsOf(name)) {
        return false;
      }
    }
    for (PolicyRule rule : ask) {
      if (rule.matchesName(name)) {
        return true;
      }
    }
    for (PolicyRule rule : allow) {
      if (rule.matchesName(name)) {
        return true;
      }
    }
    return !denyByDefault && tool.defaultPermission() != ToolPermission.DENY;
  }

  private static boolean firstMatch(
      List<PolicyRule> tier, String toolName, Supplier<String> description) {
    for (PolicyRule rule : tier) {
      if (rule.matches(toolName, description)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ToolPolicy[deny="
        + deny
        + ", ask="
        + ask
        + ", allow="
        + allow
        + ", fallback="
        + (denyByDefault ? "deny" : "tool default")
        + "]";
  }

  /** Builds a {@link ToolPolicy}. Rules keep the order they were added in. Not thread-safe. */
  public static final class Builder {
    private final List<PolicyRule> deny = new ArrayList<>();
    private final List<PolicyRule> ask = new ArrayList<>();
    private final List<PolicyRule> allow = new ArrayList<>();
    private boolean denyByDefault;

    private Builder() {}

    /**
     * Adds a rule that lets matching calls run without asking.
     *
     * @throws IllegalArgumentException when the pattern is not {@code name} or {@code
     *     name(argGlob)}
     */
    public Builder allow(String pattern) {
      allow.add(PolicyRule.parse(pattern));
      return this;
    }

    /**
     * Adds a rule that sends matching calls to the approver first.
     *
     * @throws IllegalArgumentException when the pattern is malformed
     */
    public Builder ask(String pattern) {
      ask.add(PolicyRule.parse(pattern));
      return this;
    }

    /**
     * Adds a rule that stops matching calls; a rule covering every call of a tool also hides the
     * tool from the model.
     *
     * @throws IllegalArgumentException when the pattern is malformed
     */
    public Builder deny(String pattern) {
      deny.add(PolicyRule.parse(pattern));
      return this;
    }

    /** Makes calls that no rule matches denied, instead of getting their tool's default. */
    public Builder denyByDefault() {
      this.denyByDefault = true;
      return this;
    }

    /** Returns the policy. */
    public ToolPolicy build() {
      return new ToolPolicy(this);
    }
  }
}
