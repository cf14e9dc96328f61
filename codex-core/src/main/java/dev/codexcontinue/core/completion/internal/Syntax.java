package dev.codexcontinue.core.completion.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * What the brace scanner of the trimmer must know about a language so that brackets inside comments
 * and strings are not counted: its line and block comment markers and its string quotes. Keyed by
 * VS Code language ids (the ids Tabby and most editors send).
 *
 * @param lineComments markers that start a comment running to the end of the line
 * @param blockStart the marker that opens a block comment, or empty
 * @param blockEnd the marker that closes it, or empty
 * @param quotes characters that open and close a string on one line
 * @param multiLineQuotes characters that open strings that may span lines (JavaScript template
 *     strings, Go raw strings)
 * @param tripleQuotes whether {@code """} and {@code '''} open strings spanning lines (Python)
 */
public record Syntax(
    List<String> lineComments,
    String blockStart,
    String blockEnd,
    String quotes,
    String multiLineQuotes,
    boolean tripleQuotes) {
  private static final Syntax C_FAMILY = new Syntax(List.of("//"), "/*", "*/", "\"'", "", false);
  private static final Syntax JAVASCRIPT = new Syntax(List.of("//"), "/*", "*/", "\"'", "`", false);
  private static final Syntax GO = new Syntax(List.of("//"), "/*", "*/", "\"'", "`", false);
  // Rust lifetimes ('a) are not strings: only double quotes delimit strings there.
  private static final Syntax RUST = new Syntax(List.of("//"), "/*", "*/", "\"", "", false);
  private static final Syntax PYTHON = new Syntax(List.of("#"), "", "", "\"'", "", true);
  private static final Syntax HASH = new Syntax(List.of("#"), "", "", "\"'", "", false);
  private static final Syntax SQL = new Syntax(List.of("--"), "/*", "*/", "'\"", "", false);
  private static final Syntax LUA = new Syntax(List.of("--"), "--[[", "]]", "\"'", "", false);
  private static final Syntax HASKELL = new Syntax(List.of("--"), "{-", "-}", "\"", "", false);
  private static final Syntax MARKUP = new Syntax(List.of(), "<!--", "-->", "\"'", "", false);

  private static final Set<String> JAVASCRIPT_IDS =
      Set.of("javascript", "javascriptreact", "typescript", "typescriptreact", "vue", "svelte");
  private static final Set<String> HASH_IDS =
      Set.of(
          "ruby",
          "shellscript",
          "bash",
          "sh",
          "perl",
          "r",
          "yaml",
          "toml",
          "dockerfile",
          "makefile",
          "elixir",
          "powershell",
          "coffeescript",
          "nim",
          "julia",
          "crystal");

  /** Returns the syntax of {@code language}; C-family rules when it is unknown or absent. */
  public static Syntax of(@Nullable String language) {
    if (language == null) {
      return C_FAMILY;
    }
    String id = language.toLowerCase(Locale.ROOT);
    if (JAVASCRIPT_IDS.contains(id)) {
      return JAVASCRIPT;
    }
    if (HASH_IDS.contains(id)) {
      return HASH;
    }
    return switch (id) {
      case "python" -> PYTHON;
      case "go" -> GO;
      case "rust" -> RUST;
      case "sql", "plsql" -> SQL;
      case "lua" -> LUA;
      case "haskell" -> HASKELL;
      case "html", "xml", "markdown" -> MARKUP;
      default -> C_FAMILY;
    };
  }
}
