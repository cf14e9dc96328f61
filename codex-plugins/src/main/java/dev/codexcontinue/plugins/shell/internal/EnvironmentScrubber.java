package dev.codexcontinue.plugins.shell.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the environment of a command from the host's: variables whose names look like credentials
 * ({@code *KEY*}, {@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*}, and their kin,
 * case-insensitive) or whose values hold a registered secret are dropped, variables that make git
 * run other programs are dropped, and git is told never to page, prompt or start a file-system
 * monitor.
 */
public final class EnvironmentScrubber {
  private static final List<String> SECRET_NAME_PARTS =
      List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL");

  /** Variables through which git runs programs or takes configuration; replaced below. */
  private static final Set<String> GIT_OVERRIDES =
      Set.of(
          "GIT_EXTERNAL_DIFF",
          "GIT_SSH",
          "GIT_SSH_COMMAND",
          "GIT_ASKPASS",
          "SSH_ASKPASS",
          "GIT_PROXY_COMMAND",
          "GIT_CONFIG_PARAMETERS",
          "GIT_CONFIG_COUNT");

  private EnvironmentScrubber() {}

  /** Returns whether a variable of this name is dropped as a credential. */
  public static boolean isSecretName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (String part : SECRET_NAME_PARTS) {
      if (upper.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the scrubbed copy of {@code base}.
   *
   * @param base the host environment
   * @param secretValues values that no variable may contain
   */
  public static Map<String, String> scrub(
      Map<String, String> base, Collection<String> secretValues) {
    Map<String, String> env = new LinkedHashMap<>();
    base.forEach(
        (name, value) -> {
          if (!isSecretName(name)
              && !GIT_OVERRIDES.contains(name)
              && !name.startsWith("GIT_CONFIG_KEY_")
              && !name.startsWith("GIT_CONFIG_VALUE_")
              && !containsSecret(value, secretValues)) {
            env.put(name, value);
          }
        });
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_PAGER", "cat");
    env.put("PAGER", "cat");
    // What `git -c` passes to its children: command-line configuration, which beats the
    // repository's own. (GIT_CONFIG_KEY_n would do too, but its name looks like a credential.)
    env.put("GIT_CONFIG_PARAMETERS", "'core.fsmonitor=false' 'core.pager=cat'");
    return env;
  }

  private static boolean containsSecret(String value, Collection<String> secretValues) {
    for (String secret : secretValues) {
      if (secret.length() >= 4 && value.contains(secret)) {
        return true;
      }
    }
    return false;
  }
}
