package dev.codexcontinue.plugins.web.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.annotation.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a page into the text a reader would read: scripts, styles, navigation, forms and hidden
 * parts removed; the main content preferred when the page marks it; headings, paragraphs and list
 * items kept on lines of their own.
 */
public final class PageText {
  private static final String NOISE =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, nav, aside, footer,"
          + " form, button, select, dialog, [role=navigation], [role=banner], [role=contentinfo],"
          + " [hidden], [aria-hidden=true]";

  private static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "blockquote",
          "br",
          "dd",
          "div",
          "dl",
          "dt",
          "figcaption",
          "figure",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "tbody",
          "thead",
          "tr",
          "ul");

  /** A page reduced to its title and text. */
  public record Page(String title, String text) {}

  private PageText() {}

  /**
   * Extracts the text of an HTML page. The charset is {@code charset} when the server named one,
   * otherwise what the byte-order mark or a {@code <meta>} tag says, otherwise UTF-8.
   */
  public static Page html(byte[] body, @Nullable Charset charset, String baseUrl) {
    Document doc;
    try {
      doc =
          Jsoup.parse(
              new ByteArrayInputStream(body), charset == null ? null : charset.name(), baseUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String title = doc.title().strip();
    doc.select(NOISE).remove();
    Element root = doc.selectFirst("main, [role=main], article");
    if (root == null || root.text().length() < 200) {
      root = doc.body();
    }
    StringBuilder out = new StringBuilder();
    root.traverse(new Visitor(out));
    return new Page(title, tidy(out));
  }

  /** Decodes a text body: the server's charset, a UTF-8 byte-order mark, or UTF-8. */
  public static String plain(byte[] body, @Nullable Charset charset) {
    int skip = 0;
    if (body.length >= 3
        && (body[0] & 0xff) == 0xef
        && (body[1] & 0xff) == 0xbb
        && (body[2] & 0xff) == 0xbf) {
      skip = 3;
    }
    Charset cs = charset != null ? charset : StandardCharsets.UTF_8;
    return new String(body, skip, body.length - skip, cs);
  }

  /** Marks a paragraph break in the raw text (jsoup never yields this character). */
  private static final char BREAK = '\u0001';

  /** Marks a line of preformatted text, whose indentation is kept. */
  private static final char PRE = '\u0002';

  private static String tidy(StringBuilder raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean blank = false;
    for (String line : raw.toString().split("\n", -1)) {
      String l;
      if (line.indexOf(PRE) >= 0) {
        l = line.replace(String.valueOf(PRE), "").stripTrailing();
      } else {
        l = line.strip();
      }
      if (l.equals(String.valueOf(BREAK))) {
        blank = true;
        continue;
      }
      l = l.replace(String.valueOf(BREAK), "");
      if (l.isBlank()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(blank ? "\n\n" : "\n");
      }
      out.append(l);
      blank = false;
    }
    return out.toString();
  }

  /** Writes text nodes, with line breaks around block elements and markers for structure. */
  private static final class Visitor implements NodeVisitor {
    private final StringBuilder out;

    Visitor(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        Element parent = text.parent();
        boolean pre = parent != null && parent.closest("pre") != null;
        out.append(pre ? PRE + text.getWholeText().replace("\n", "\n" + PRE) : text.text());
        return;
      }
      if (!(node instanceof Element e)) {
        return;
      }
      String name = e.normalName();
      if (name.equals("td") || name.equals("th")) {
        out.append(" | ");
      } else if (BLOCKS.contains(name)) {
        out.append(spacing(name));
        if (heading(name) > 0) {
          out.append("#".repeat(heading(name))).append(' ');
        } else if (name.equals("li")) {
          out.append("- ");
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
        out.append(spacing(e.normalName()));
      }
    }

    private static String spacing(String name) {
      return name.equals("p") || heading(name) > 0 ? "\n" + BREAK + "\n" : "\n";
    }

    private static int heading(String name) {
      return name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))
          ? name.charAt(1) - '0'
          : 0;
    }
  }
}
