package dev.codexcontinue.mcp.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns MCP tool names (which may hold dots, slashes or spaces) into names every provider accepts,
 * {@code [a-zA-Z0-9_-]{1,64}}, prefixed and unique within one client. Not thread-safe.
 */
public final class ToolNames {
  private static final int MAX = 64;

  private final String prefix;
  private final Set<String> used = new HashSet<>();

  /** Creates the namer; {@code prefix} must itself be valid name characters. */
  public ToolNames(String prefix) {
    if (!prefix.matches("[a-zA-Z0-9_-]{0,32}")) {
      throw new IllegalArgumentException(
          "tool prefix must be at most 32 characters of [a-zA-Z0-9_-], was '" + prefix + "'");
    }
    this.prefix = prefix;
  }

  /** Returns the codex name for MCP tool {@code name}, unique among the names returned so far. */
  public String next(String name) {
    String base = prefix + name.replaceAll("[^a-zA-Z0-9_-]", "_");
    if (base.isEmpty()) {
      base = "tool";
    }
    base = base.length() > MAX ? base.substring(0, MAX) : base;
    String candidate = base;
    for (int n = 2; !used.add(candidate); n++) {
      String suffix = "_" + n;
      candidate = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
    }
    return candidate;
  }
}
