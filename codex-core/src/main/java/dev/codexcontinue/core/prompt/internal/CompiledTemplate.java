package dev.codexcontinue.core.prompt.internal;

import dev.codexcontinue.api.PromptTemplate;
import dev.codexcontinue.api.exception.TemplateException;
import dev.codexcontinue.api.exception.TemplateTooLargeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A template parsed once into literal and variable segments. Rendering is a single pass over the
 * segments: a value is appended as it is and never scanned again, so a value that contains {@code
 * {{system}}} stays literal text and templates cannot recurse.
 */
public final class CompiledTemplate implements PromptTemplate {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

  private final String name;
  private final List<Segment> segments;
  private final Set<String> variables;
  private final int maxOutputChars;

  private record Segment(String text, boolean isVariable) {}

  private CompiledTemplate(String name, List<Segment> segments, int maxOutputChars) {
    this.name = name;
    this.segments = List.copyOf(segments);
    Set<String> vars = new LinkedHashSet<>();
    for (Segment s : segments) {
      if (s.isVariable()) {
        vars.add(s.text());
      }
    }
    this.variables = Set.copyOf(vars);
    this.maxOutputChars = maxOutputChars;
  }

  /**
   * Parses {@code source}. {@code \{{} writes a literal {@code {{}; any other {@code {{} must open
   * a placeholder {@code {{name}}} (blanks around the name are allowed).
   *
   * @throws TemplateException naming the line and column of a malformed placeholder
   */
  public static CompiledTemplate parse(String name, String source, int maxOutputChars) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(source, "source == null");
    if (source.length() > maxOutputChars) {
      throw new TemplateTooLargeException(
          "template '" + name + "' source exceeds " + maxOutputChars + " characters");
    }
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("\\{{", i)) {
        literal.append("{{");
        i += 3;
      } else if (source.startsWith("{{", i)) {
        int close = source.indexOf("}}", i + 2);
        String inner = close < 0 ? "" : source.substring(i + 2, close).strip();
        if (close < 0 || !NAME.matcher(inner).matches()) {
          throw new TemplateException(
              "template '" + name + "': malformed placeholder at " + position(source, i));
        }
        flush(literal, segments);
        segments.add(new Segment(inner, true));
        i = close + 2;
      } else {
        literal.append(source.charAt(i++));
      }
    }
    flush(literal, segments);
    return new CompiledTemplate(name, segments, maxOutputChars);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> variables() {
    return variables;
  }

  @Override
  public String render(Map<String, ?> values) {
    Objects.requireNonNull(values, "values == null");
    StringBuilder out = new StringBuilder();
    for (Segment s : segments) {
      String piece = s.isVariable() ? valueOf(s.text(), values) : s.text();
      if (piece.length() > maxOutputChars - out.length()) {
        throw new TemplateTooLargeException(
            "template '" + name + "' renders to more than " + maxOutputChars + " characters");
      }
      out.append(piece);
    }
    return out.toString();
  }

  private String valueOf(String variable, Map<String, ?> values) {
    Object value = values.get(variable);
    if (value == null) {
      throw new TemplateException(
          "template '"
              + name
              + "' needs variable '"
              + variable
              + "'"
              + (values.containsKey(variable) ? " (its value is null)" : "; known: " + variables));
    }
    return String.valueOf(value);
  }

  private static void flush(StringBuilder literal, List<Segment> segments) {
    if (literal.length() > 0) {
      segments.add(new Segment(literal.toString(), false));
      literal.setLength(0);
    }
  }

  private static String position(String source, int index) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }

  @Override
  public String toString() {
    return "PromptTemplate[" + name + ", variables=" + variables + "]";
  }
}
