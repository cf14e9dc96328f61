package dev.codexcontinue.api.internal;

import dev.codexcontinue.api.exception.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code NAME=value} lines, optional {@code export}, {@code #} comments,
 * single quotes (literal) and double quotes (with {@code \n}, {@code \t}, {@code \"} and {@code \\}
 * escapes). A missing file is empty; a malformed line is an error that names the line number but
 * never its content, which may be a secret.
 */
public final class DotEnv {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  private static final long MAX_BYTES = 1 << 20;

  private DotEnv() {}

  /** Returns the variables of the file at {@code path}, or none when it does not exist. */
  public static Map<String, String> read(Path path) {
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new ConfigurationException(path + ": larger than " + MAX_BYTES + " bytes");
      }
      return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Parses {@code .env} text; {@code source} names it in errors. */
  public static Map<String, String> parse(String text, String source) {
    Map<String, String> vars = new LinkedHashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String name = eq < 0 ? line : line.substring(0, eq).strip();
      if (eq < 0 || !NAME.matcher(name).matches()) {
        throw new ConfigurationException(source + ": line " + (i + 1) + " is not NAME=value");
      }
      vars.put(name, value(line.substring(eq + 1).strip(), source, i + 1));
    }
    return vars;
  }

  private static String value(String raw, String source, int lineNo) {
    if (raw.isEmpty()) {
      return raw;
    }
    char quote = raw.charAt(0);
    if (quote != '"' && quote != '\'') {
      int comment = raw.indexOf(" #");
      return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
    int end = closingQuote(raw, quote);
    if (end < 0) {
      throw new ConfigurationException(source + ": line " + lineNo + " has an unclosed quote");
    }
    String rest = raw.substring(end + 1).strip();
    if (!rest.isEmpty() && !rest.startsWith("#")) {
      throw new ConfigurationException(
          source + ": line " + lineNo + " has text after the closing quote");
    }
    String inner = raw.substring(1, end);
    return quote == '\'' ? inner : unescape(inner);
  }

  private static int closingQuote(String raw, char quote) {
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      sb.append(
          switch (n) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> n;
          });
    }
    return sb.toString();
  }
}
