package dev.codexcontinue.provider.tabby.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/** The provider's own JSON mapper and small readers over JSON trees. */
public final class Json {
  /** The mapper; configured once, never with {@code findAndRegisterModules()}. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(64 << 20).build());
  }

  private Json() {}

  /** Parses JSON text. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Parses JSON bytes. */
  public static JsonNode parse(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  /** Returns a scalar node as text; empty for null, missing and container nodes. */
  public static String text(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText();
  }

  /** Returns the strings of an array node; empty when it is absent or not an array. */
  public static List<String> strings(@Nullable JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (JsonNode item : node) {
        String s = text(item);
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
