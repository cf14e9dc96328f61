package dev.codexcontinue.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.http.ErrorBody;

/** Reads the common error-body shapes; see {@code ErrorBodyReader.DEFAULT}. */
public final class JsonErrorBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_TEXT = 2000;

  private JsonErrorBodies() {}

  /** Returns what {@code body} says; plain text becomes the message. Never throws. */
  public static ErrorBody read(int status, String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty()) {
      return ErrorBody.EMPTY;
    }
    if (trimmed.charAt(0) != '{') {
      return ErrorBody.ofMessage(cut(trimmed));
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(trimmed);
    } catch (Exception e) {
      return ErrorBody.ofMessage(cut(trimmed));
    }
    if (root == null || !root.isObject()) {
      return ErrorBody.ofMessage(cut(trimmed));
    }
    JsonNode error = root.get("error");
    if (error != null && error.isObject()) {
      return of(error);
    }
    if (error != null && error.isTextual()) {
      return ErrorBody.ofMessage(error.asText());
    }
    if (root.has("message") || root.has("detail")) {
      return of(root);
    }
    return ErrorBody.ofMessage(cut(trimmed));
  }

  private static ErrorBody of(JsonNode node) {
    String message = text(node.get("message"));
    if (message.isEmpty()) {
      message = text(node.get("detail"));
    }
    return new ErrorBody(
        message, text(node.get("code")), text(node.get("type")), text(node.get("param")));
  }

  /** Returns a scalar node as text, or empty for null, missing and container nodes. */
  public static String text(@javax.annotation.Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return "";
    }
    return node.asText();
  }

  private static String cut(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
  }
}
