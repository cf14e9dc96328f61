package dev.codexcontinue.plugins.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.ToolSpec;
import dev.codexcontinue.http.HttpCall;
import dev.codexcontinue.http.HttpResult;
import dev.codexcontinue.plugins.net.internal.GuardedTransport;
import dev.codexcontinue.plugins.net.internal.HttpStatusException;
import dev.codexcontinue.plugins.net.internal.NetworkTool;
import dev.codexcontinue.plugins.net.internal.ToolArgs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * One OpenAPI operation as a tool: arguments become the path, query, headers and JSON body of a
 * request to the API's server; GET and HEAD are allowed by default and every other method asks.
 * Only GET and HEAD are retried; credentials are added after the approver has seen the call.
 */
public final class OperationTool extends NetworkTool {
  private final Operation op;
  private final HttpUrl server;
  private final GuardedTransport http;
  private final Auth auth;
  private final int maxChars;

  /** Creates the tool for {@code op} on {@code server}. */
  public OperationTool(
      Operation op, HttpUrl server, GuardedTransport http, Auth auth, int maxChars) {
    super(
        new ToolSpec(op.name(), op.description(), op.schema()),
        isRead(op.method()) ? ToolPermission.ALLOW : ToolPermission.ASK,
        http.redactor());
    this.op = op;
    this.server = server;
    this.http = http;
    this.auth = auth;
    this.maxChars = maxChars;
  }

  /** Creates one tool per operation of {@code doc}. */
  public static List<OperationTool> all(
      List<Operation> ops, HttpUrl server, GuardedTransport http, Auth auth, int maxChars) {
    List<OperationTool> out = new ArrayList<>();
    ops.forEach(op -> out.add(new OperationTool(op, server, http, auth, maxChars)));
    return out;
  }

  private static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  @Override
  protected String describe(ToolArgs args) {
    String line = op.method() + " " + url(args);
    return body(args).map(b -> line + " body: " + ToolArgs.cap(b, 2000)).orElse(line);
  }

  @Override
  protected ToolResult run(ToolArgs args, ToolContext context) {
    HttpCall.Builder call =
        HttpCall.of(op.method(), auth.url(url(args)))
            .header("Accept", "application/json, */*;q=0.5")
            .operation(op.name())
            .repeatable(isRead(op.method()));
    for (Operation.Parameter p : op.parameters()) {
      if (p.in().equals("header")) {
        args.value(p.argument()).ifPresent(v -> call.header(p.name(), headerValue(p, v)));
      }
    }
    auth.headers(call);
    body(args).ifPresent(b -> call.jsonBody(b));
    HttpResult result;
    try {
      result = http.execute(call.build());
    } catch (HttpStatusException e) {
      return ToolResult.error(
          "HTTP "
              + e.status()
              + " "
              + op.method()
              + " "
              + op.path()
              + "\n\n"
              + ToolArgs.cap(e.body(), maxChars));
    }
    String type = result.header("Content-Type").orElse("");
    String body = new String(result.body(), StandardCharsets.UTF_8);
    return ToolResult.of(
        "HTTP "
            + result.status()
            + (type.isEmpty() ? "" : " (" + type + ")")
            + "\n\n"
            + ToolArgs.cap(body, maxChars));
  }

  private HttpUrl url(ToolArgs args) {
    HttpUrl.Builder url = server.newBuilder();
    for (String segment : op.path().split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String filled = segment;
      for (Operation.Parameter p : op.parameters()) {
        String marker = "{" + p.name() + "}";
        if (p.in().equals("path") && filled.contains(marker)) {
          filled = filled.replace(marker, pathValue(p, args));
        }
      }
      url.addPathSegment(filled);
    }
    for (Operation.Parameter p : op.parameters()) {
      if (p.in().equals("query")) {
        args.value(p.argument()).ifPresent(v -> query(url, p.name(), v));
      }
    }
    return url.build();
  }

  private static String pathValue(Operation.Parameter p, ToolArgs args) {
    JsonNode v =
        args.value(p.argument())
            .orElseThrow(() -> new IllegalArgumentException("missing path parameter " + p.name()));
    String s = v.isArray() ? join(v) : scalar(v);
    // OkHttp resolves . and .. segments: a value must never climb out of its place in the path.
    if (s.isEmpty() || s.equals(".") || s.equals("..")) {
      throw new IllegalArgumentException("path parameter " + p.name() + " may not be '" + s + "'");
    }
    return s;
  }

  private static void query(HttpUrl.Builder url, String name, JsonNode v) {
    if (v.isArray()) {
      v.forEach(item -> url.addQueryParameter(name, scalar(item)));
    } else {
      url.addQueryParameter(name, scalar(v));
    }
  }

  private static String headerValue(Operation.Parameter p, JsonNode v) {
    String s = v.isArray() ? join(v) : scalar(v);
    if (s.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IllegalArgumentException("header " + p.name() + " may not hold line breaks");
    }
    return s;
  }

  private Optional<String> body(ToolArgs args) {
    return op.hasBody() ? args.value("body").map(JsonNode::toString) : Optional.empty();
  }

  private static String scalar(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(item -> parts.add(scalar(item)));
    return String.join(",", parts);
  }
}
