package dev.codexcontinue.plugins.openapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.codexcontinue.api.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;

/**
 * A parsed OpenAPI 3.0 or 3.1 document: its tree, its servers as URLs, and local {@code $ref}
 * resolution. Immutable.
 */
public final class OpenApiDocument {
  /** The largest document read. */
  public static final int MAX_CHARS = 10 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private final JsonNode root;
  private final List<HttpUrl> servers;

  private OpenApiDocument(JsonNode root, List<HttpUrl> servers) {
    this.root = root;
    this.servers = List.copyOf(servers);
  }

  /**
   * Parses {@code text}, JSON when it starts with <code>{</code> and YAML otherwise; relative
   * server URLs are resolved against {@code location} when it is an http(s) URL.
   *
   * @throws ConfigurationException when the text is no OpenAPI 3.0 or 3.1 document
   */
  public static OpenApiDocument parse(String text, @Nullable String location) {
    if (text.length() > MAX_CHARS) {
      throw new ConfigurationException("OpenAPI document larger than " + MAX_CHARS + " chars");
    }
    JsonNode root;
    try {
      root = text.stripLeading().startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(
          "OpenAPI document is not valid JSON or YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigurationException("OpenAPI document is not an object");
    }
    String version = root.path("openapi").asText("");
    if (!version.startsWith("3.0") && !version.startsWith("3.1")) {
      throw new ConfigurationException(
          "only OpenAPI 3.0 and 3.1 are supported, the document says openapi: '"
              + (version.isEmpty() ? root.path("swagger").asText("?") : version)
              + "'");
    }
    return new OpenApiDocument(root, servers(root, location));
  }

  private static List<HttpUrl> servers(JsonNode root, @Nullable String location) {
    List<HttpUrl> out = new ArrayList<>();
    HttpUrl base = location == null ? null : HttpUrl.parse(location);
    for (JsonNode server : root.path("servers")) {
      String url = server.path("url").asText("");
      for (Map.Entry<String, JsonNode> v : server.path("variables").properties()) {
        url = url.replace("{" + v.getKey() + "}", v.getValue().path("default").asText(""));
      }
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null && base != null) {
        parsed = base.resolve(url);
      }
      if (parsed != null) {
        out.add(parsed);
      }
    }
    return out;
  }

  /** Returns the document's tree. */
  public JsonNode root() {
    return root;
  }

  /** Returns the servers that are absolute http(s) URLs, in document order. */
  public List<HttpUrl> servers() {
    return servers;
  }

  /** Returns the document's title and version, for descriptions. */
  public String title() {
    return root.path("info").path("title").asText("API");
  }

  /**
   * Follows {@code node}'s local {@code $ref} chain ({@code #/components/...}).
   *
   * @throws IllegalArgumentException for external or dangling references, or a cycle of refs
   */
  public JsonNode deref(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.path("$ref").asText("");
      if (hops > 32) {
        throw new IllegalArgumentException("$ref cycle at " + ref);
      }
      current = pointer(ref);
    }
    return current;
  }

  /** Returns the node a local reference points to. */
  JsonNode pointer(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local references are supported, got '" + ref + "'");
    }
    JsonNode target = root.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("dangling reference '" + ref + "'");
    }
    return target;
  }
}
