package dev.codexcontinue.plugins.web.internal;

import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.plugins.net.SsrfDecision;
import dev.codexcontinue.plugins.net.SsrfGuard;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import dev.codexcontinue.plugins.net.internal.HttpStatusException;
import dev.codexcontinue.plugins.net.internal.NetworkTool;
import dev.codexcontinue.plugins.net.internal.RequestBlockedException;
import dev.codexcontinue.plugins.net.internal.SchemaBuilder;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.nio.charset.Charset;
import java.util.Locale;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * {@code web_fetch}: GETs a page through the SSRF guard and returns its readable text. HTML is
 * reduced to text; other text types are returned as they are; anything else is refused. Reading
 * only, so allowed by default.
 */
public final class WebFetchTool extends NetworkTool {
  /** The tool's name. */
  public static final String NAME = "web_fetch";

  private static final int MAX_URL = 2048;

  private final GuardedTransport http;
  private final SsrfGuard guard;
  private final int defaultChars;
  private final int maxChars;

  /** Creates the tool; pages are cut at {@code defaultChars} unless the call asks for more. */
  public WebFetchTool(GuardedTransport http, SsrfGuard guard, int defaultChars, int maxChars) {
    super(spec(defaultChars, maxChars), ToolPermission.ALLOW, http.redactor());
    this.http = http;
    this.guard = guard;
    this.defaultChars = defaultChars;
    this.maxChars = maxChars;
  }

  private static ToolSpec spec(int defaultChars, int maxChars) {
    return new ToolSpec(
        NAME,
        "Fetches a public web page (http or https) and returns its title and readable text."
            + " Private, loopback and cloud-metadata addresses are refused.",
        SchemaBuilder.object()
            .string("url", "The absolute http(s) URL of the page", MAX_URL, true)
            .integer(
                "max_chars",
                "Longest text to return (default " + defaultChars + ")",
                200,
                maxChars,
                false)
            .build());
  }

  @Override
  protected String describe(ToolArgs args) {
    return "GET " + args.text("url");
  }

  @Override
  protected ToolResult run(ToolArgs args, ToolContext context) {
    String url = args.text("url").strip();
    int chars = args.integer("max_chars", defaultChars, 1, maxChars);
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      SsrfDecision decision = guard.check(url);
      throw new RequestBlockedException("blocked " + url + ": " + decision.reason(), null);
    }
    HttpCall call =
        HttpCall.of("GET", parsed)
            .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
            .header("User-Agent", "CodexContinue-web_fetch")
            .operation("fetch")
            .build();
    GuardedTransport.Exchange exchange;
    try {
      exchange = http.exchange(call);
    } catch (HttpStatusException e) {
      return ToolResult.error(
          "GET " + url + " answered HTTP " + e.status() + ": " + ToolArgs.oneLine(e.body(), 500));
    }
    byte[] body = exchange.result().body();
    String type = exchange.result().header("Content-Type").orElse("");
    @Nullable MediaType media = MediaType.parse(type);
    @Nullable Charset charset = media == null ? null : media.charset(null);
    String kind = kind(media, body);
    String finalUrl = exchange.url().toString();
    StringBuilder out = new StringBuilder("URL: ").append(finalUrl).append('\n');
    switch (kind) {
      case "html" -> {
        PageText.Page page = PageText.html(body, charset, finalUrl);
        out.append("Title: ").append(ToolArgs.oneLine(page.title(), 300)).append("\n\n");
        out.append(ToolArgs.cap(page.text(), chars));
      }
      case "text" -> out.append('\n').append(ToolArgs.cap(PageText.plain(body, charset), chars));
      default -> {
        return ToolResult.error(
            "GET " + finalUrl + " returned " + kind + ", which is not a page of text");
      }
    }
    return ToolResult.of(out.toString());
  }

  private static String kind(@Nullable MediaType media, byte[] body) {
    if (media == null) {
      return sniff(body);
    }
    String type = media.type().toLowerCase(Locale.ROOT);
    String sub = media.subtype().toLowerCase(Locale.ROOT);
    if (sub.equals("html") || sub.equals("xhtml+xml")) {
      return "html";
    }
    boolean textual =
        type.equals("text")
            || sub.equals("json")
            || sub.endsWith("+json")
            || sub.equals("xml")
            || sub.endsWith("+xml")
            || sub.equals("javascript")
            || sub.equals("x-yaml")
            || sub.equals("yaml");
    return textual ? "text" : "content type " + type + "/" + sub;
  }

  private static String sniff(byte[] body) {
    for (int i = 0; i < Math.min(body.length, 4096); i++) {
      if (body[i] == 0) {
        return "binary content";
      }
    }
    String head =
        new String(
            body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.stripLeading().startsWith("<") ? "html" : "text";
  }
}
