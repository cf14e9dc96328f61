package dev.codexcontinue.plugins.shell.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an executable by name on a {@code PATH}, using only absolute directories: an empty or
 * relative entry ({@code .}) would let a program in the workspace stand in for {@code ls}.
 */
public final class ExecutableResolver {
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private ExecutableResolver() {}

  /** Returns the absolute path of {@code name} on the {@code PATH} of {@code environment}. */
  public static Optional<Path> find(String name, Map<String, String> environment) {
    String path = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
    for (String dir : path.split(File.pathSeparator)) {
      Optional<Path> found = inDirectory(dir, name, environment);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> inDirectory(String dir, String name, Map<String, String> env) {
    if (dir.isBlank()) {
      return Optional.empty();
    }
    try {
      Path directory = Path.of(dir);
      if (!directory.isAbsolute()) {
        return Optional.empty();
      }
      for (String candidate : candidates(name, env)) {
        Path file = directory.resolve(candidate);
        if (Files.isRegularFile(file) && Files.isExecutable(file)) {
          return Optional.of(file);
        }
      }
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static List<String> candidates(String name, Map<String, String> env) {
    List<String> names = new ArrayList<>();
    names.add(name);
    if (WINDOWS) {
      for (String ext : env.getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD").split(";")) {
        if (!ext.isBlank()) {
          names.add(name + ext.toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }
}
