package dev.codexcontinue.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The one {@link ObjectMapper} of codex-core, configured for untrusted input: model output, tool
 * arguments and files on disk. Never {@code findAndRegisterModules()} (it breaks inside plugin
 * hosts), and never the host's mapper.
 */
public final class Json {
  /** Maximum nesting depth of any JSON codex-core reads. */
  public static final int MAX_DEPTH = 100;

  /** Maximum length of one JSON string, in characters. */
  public static final int MAX_STRING_LENGTH = 1 << 20;

  /** Maximum length of one JSON number, in characters. */
  public static final int MAX_NUMBER_LENGTH = 100;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(MAX_STRING_LENGTH)
                          .maxNumberLength(MAX_NUMBER_LENGTH)
                          .build())
                  // A key given twice is ambiguous: which value did the approver see?
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  // Error messages must not echo input, which may hold secrets or prompts.
                  .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private Json() {}

  /** Returns the shared mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses {@code text} as a JSON tree under the limits above. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Writes {@code value} as compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
