package dev.codexcontinue.core.completion.internal;

import java.util.Map;
import java.util.Set;

/**
 * Finds declarations in source text line by line, with heuristics that hold across common languages
 * and cost one pass: a line that (after modifiers and annotations) starts with a declaring keyword
 * ({@code class}, {@code def}, {@code fn}, {@code func}, {@code function}, {@code let}, ...)
 * declares the identifier after it; a line shaped {@code Type name(}, {@code Type name =} or {@code
 * Type name;} declares {@code name} (C-family methods and fields). The declaration's text is its
 * line, continued while parentheses stay open (multi-line signatures), without the opening brace.
 */
public final class Declarations {
  private static final int MAX_CONTINUATION_LINES = 4;
  private static final int MAX_TEXT_CHARS = 400;

  private static final Set<String> MODIFIERS =
      Set.of(
          "public",
          "private",
          "protected",
          "internal",
          "static",
          "final",
          "abstract",
          "sealed",
          "open",
          "override",
          "export",
          "default",
          "async",
          "pub",
          "unsafe",
          "extern",
          "inline",
          "virtual",
          "readonly",
          "declare",
          "synchronized",
          "native",
          "transient",
          "volatile",
          "strictfp",
          "data",
          "suspend",
          "lateinit",
          "partial",
          "crate");

  private static final Set<String> DECLARING =
      Set.of(
          "class",
          "interface",
          "enum",
          "record",
          "struct",
          "trait",
          "type",
          "def",
          "fn",
          "func",
          "function",
          "fun",
          "val",
          "var",
          "let",
          "const",
          "object",
          "module",
          "typealias",
          "protocol",
          "union",
          "namespace",
          "impl");

  private static final Set<String> NOT_TYPES =
      Set.of(
          "return",
          "if",
          "for",
          "while",
          "switch",
          "case",
          "else",
          "new",
          "throw",
          "throws",
          "catch",
          "do",
          "try",
          "import",
          "package",
          "from",
          "using",
          "await",
          "yield",
          "print",
          "assert",
          "goto",
          "break",
          "continue",
          "delete",
          "sizeof",
          "elif",
          "not",
          "and",
          "or",
          "in",
          "is",
          "with",
          "lambda",
          "pass",
          "raise",
          "del",
          "global",
          "echo",
          "when",
          "match");

  private Declarations() {}

  /** Receives each declaration found. */
  @FunctionalInterface
  public interface Sink {
    /** Receives the declared {@code name}, the declaration's {@code text} and its line's start. */
    void accept(String name, String text, int lineStart);
  }

  /** Finds the declarations on lines that start in {@code text[from, to)}. */
  public static void scan(String text, int from, int to, Sink sink) {
    int lineStart = from;
    while (lineStart < to) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline;
      String name = declaredName(text, lineStart, lineEnd);
      if (name != null) {
        sink.accept(name, declarationText(text, lineStart, lineEnd), lineStart);
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
  }

  /** Returns the first declaration of each name in {@code text}, keyed by name. */
  public static void index(String text, Map<String, String> out) {
    scan(text, 0, text.length(), (name, declaration, line) -> out.putIfAbsent(name, declaration));
  }

  @javax.annotation.Nullable
  static String declaredName(String text, int start, int end) {
    int i = skipSpaces(text, start, end);
    String word = null;
    int wordEnd = i;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '@') {
        // An annotation or decorator before the declaration: skip its name and arguments.
        i = skipSpaces(text, skipParens(text, wordEnd(text, i + 1, end), end), end);
        continue;
      }
      if (word != null && (c == '<' || c == '(')) {
        // Generic parameters after modifiers (public <T> T f()), or pub(crate).
        i = skipSpaces(text, skipBalanced(text, i, end, c, c == '<' ? '>' : ')'), end);
        continue;
      }
      wordEnd = wordEnd(text, i, end);
      if (wordEnd == i) {
        return null;
      }
      word = text.substring(i, wordEnd);
      i = skipSpaces(text, wordEnd, end);
      if (!MODIFIERS.contains(word)) {
        break;
      }
    }
    if (word == null || i >= end) {
      return null;
    }
    if (DECLARING.contains(word)) {
      return keywordDeclaration(text, i, end);
    }
    if (NOT_TYPES.contains(word)) {
      return null;
    }
    if (isAssignment(text, i, end) && !Character.isWhitespace(text.charAt(start))) {
      // A top-level assignment (Python, Ruby, shell constants): NAME = value
      return word.length() >= Identifiers.MIN_LENGTH ? word : null;
    }
    return typedDeclaration(text, wordEnd, end);
  }

  private static boolean isAssignment(String text, int i, int end) {
    return text.charAt(i) == '=' && (i + 1 >= end || text.charAt(i + 1) != '=');
  }

  @javax.annotation.Nullable
  private static String keywordDeclaration(String text, int i, int end) {
    // Go methods name a receiver first: func (r *Repo) Find(...)
    if (i < end && text.charAt(i) == '(') {
      i = skipSpaces(text, skipParens(text, i, end), end);
    }
    if (i < end && text.charAt(i) == '*') {
      i = skipSpaces(text, i + 1, end);
    }
    int nameEnd = wordEnd(text, i, end);
    return nameEnd - i >= Identifiers.MIN_LENGTH ? text.substring(i, nameEnd) : null;
  }

  @javax.annotation.Nullable
  private static String typedDeclaration(String text, int i, int end) {
    // After the type's first word: generic arguments, array brackets, pointers, nullability.
    while (i < end) {
      char c = text.charAt(i);
      if (c == '<') {
        i = skipBalanced(text, i, end, '<', '>');
      } else if (c == '[' && i + 1 < end && text.charAt(i + 1) == ']') {
        i += 2;
      } else if (c == '*' || c == '&' || c == '?' || c == '.') {
        i++;
        if (c == '.') {
          i = wordEnd(text, i, end);
        }
      } else {
        break;
      }
    }
    int nameStart = skipSpaces(text, i, end);
    if (nameStart == i) {
      return null;
    }
    // C declarators put pointer and reference marks before the name: int *lookup(...)
    while (nameStart < end && (text.charAt(nameStart) == '*' || text.charAt(nameStart) == '&')) {
      nameStart = skipSpaces(text, nameStart + 1, end);
    }
    int nameEnd = wordEnd(text, nameStart, end);
    if (nameEnd - nameStart < Identifiers.MIN_LENGTH) {
      return null;
    }
    int after = skipSpaces(text, nameEnd, end);
    if (after < end) {
      char c = text.charAt(after);
      if (c == '(' || c == ';' || isAssignment(text, after, end)) {
        return text.substring(nameStart, nameEnd);
      }
    }
    return null;
  }

  private static String declarationText(String text, int start, int end) {
    int lineEnd = end;
    int depth = parenDepth(text, start, end, 0);
    for (int extra = 0; depth > 0 && extra < MAX_CONTINUATION_LINES && lineEnd < text.length(); ) {
      int next = text.indexOf('\n', lineEnd + 1);
      int nextEnd = next < 0 ? text.length() : next;
      depth = parenDepth(text, lineEnd + 1, nextEnd, depth);
      lineEnd = nextEnd;
      extra++;
    }
    String declaration = text.substring(start, lineEnd).strip();
    if (declaration.endsWith("{")) {
      declaration = declaration.substring(0, declaration.length() - 1).stripTrailing();
    }
    return declaration.length() <= MAX_TEXT_CHARS
        ? declaration
        : declaration.substring(0, MAX_TEXT_CHARS);
  }

  private static int parenDepth(String text, int start, int end, int depth) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
    }
    return depth;
  }

  private static int skipSpaces(String text, int i, int end) {
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int wordEnd(String text, int i, int end) {
    if (i >= end || !Character.isJavaIdentifierStart(text.charAt(i))) {
      return i;
    }
    i++;
    while (i < end && Character.isJavaIdentifierPart(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipParens(String text, int i, int end) {
    return i < end && text.charAt(i) == '(' ? skipBalanced(text, i, end, '(', ')') : i;
  }

  private static int skipBalanced(String text, int i, int end, char open, char close) {
    int depth = 0;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return i + 1;
      }
    }
    return end;
  }
}
