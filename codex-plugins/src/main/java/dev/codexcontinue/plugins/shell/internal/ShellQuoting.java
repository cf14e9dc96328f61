package dev.codexcontinue.plugins.shell.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Shows an argv as one line, quoted the way a POSIX shell would read it back, so that an approver
 * sees exactly which arguments run: {@code echo '; touch x'} is one argument, not two commands.
 */
public final class ShellQuoting {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellQuoting() {}

  /** Returns {@code argv} as a command line. */
  public static String join(List<String> argv) {
    return argv.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
  }

  /** Returns {@code arg} quoted when it holds anything but plain characters. */
  public static String quote(String arg) {
    if (PLAIN.matcher(arg).matches()) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
