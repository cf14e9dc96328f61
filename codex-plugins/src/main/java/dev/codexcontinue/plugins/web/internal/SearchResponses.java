package dev.codexcontinue.plugins.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import dev.codexcontinue.plugins.net.internal.HttpStatusException;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import dev.codexcontinue.plugins.web.SearchResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jsoup.Jsoup;

/** What the search backends share: sending, reading JSON, and turning hits into results. */
public final class SearchResponses {
  /** The longest title kept. */
  static final int MAX_TITLE = 300;

  /** The longest snippet kept. */
  static final int MAX_SNIPPET = 600;

  /** The longest URL kept; longer ones are dropped. */
  static final int MAX_URL = 2048;

  private SearchResponses() {}

  /**
   * Sends a search; a 4xx or 5xx answer becomes a {@link CodexException} naming the backend and
   * status, with the hint {@code hint} gives for that status.
   */
  public static HttpResult send(
      GuardedTransport http, HttpCall call, String backend, IntFunction<String> hint) {
    try {
      return http.execute(call);
    } catch (HttpStatusException e) {
      String body = http.redactor().redact(ToolArgs.oneLine(e.body(), 300));
      throw new CodexException(
          backend + " answered HTTP " + e.status() + hint.apply(e.status()) + ": " + body, e);
    }
  }

  /** Parses the body of a search answer. */
  public static JsonNode json(HttpResult result, String backend) {
    try {
      return ToolArgs.JSON.readTree(result.body());
    } catch (IOException e) {
      throw new CodexException(backend + " answered with a body that is not JSON", e);
    }
  }

  /**
   * Returns up to {@code max} results from the array {@code hits}, reading each hit's title, URL
   * and snippet fields; hits without an http(s) URL are skipped, HTML in snippets is reduced to
   * text, and long fields are cut.
   */
  public static List<SearchResult> collect(
      JsonNode hits, String titleField, String urlField, String snippetField, int max) {
    List<SearchResult> out = new ArrayList<>();
    for (JsonNode hit : hits) {
      if (out.size() >= max) {
        break;
      }
      String url = hit.path(urlField).asText("");
      if (!(url.startsWith("http://") || url.startsWith("https://")) || url.length() > MAX_URL) {
        continue;
      }
      String title = ToolArgs.oneLine(text(hit.path(titleField).asText("")), MAX_TITLE);
      String snippet = ToolArgs.oneLine(text(hit.path(snippetField).asText("")), MAX_SNIPPET);
      out.add(new SearchResult(title, url, snippet));
    }
    return out;
  }

  private static String text(String maybeHtml) {
    return maybeHtml.indexOf('<') < 0 && maybeHtml.indexOf('&') < 0
        ? maybeHtml
        : Jsoup.parseBodyFragment(maybeHtml).text();
  }
}
