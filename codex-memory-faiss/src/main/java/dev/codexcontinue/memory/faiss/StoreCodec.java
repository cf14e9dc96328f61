package dev.codexcontinue.memory.faiss;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.exception.CorruptStoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON payloads of the manifest and the records file, through a private, configured mapper. */
final class StoreCodec {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

  private StoreCodec() {}

  static byte[] manifest(Manifest m) {
    try {
      return JSON.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("manifest not serializable", e);
    }
  }

  static Manifest manifest(String file, byte[] payload) {
    try {
      Manifest m = JSON.readValue(payload, Manifest.class);
      if (m.files() == null || m.similarity() == null || m.index() == null) {
        throw new CorruptStoreException(file, "manifest lacks files or settings", null);
      }
      return m;
    } catch (IOException e) {
      throw new CorruptStoreException(file, "manifest is not valid JSON", e);
    }
  }

  static byte[] records(Collection<StoreData.StoredRecord> records) {
    ArrayNode array = JSON.createArrayNode();
    for (StoreData.StoredRecord r : records) {
      ObjectNode o = array.addObject();
      o.put("label", r.label());
      o.put("id", r.id());
      o.put("text", r.text());
      ObjectNode meta = o.putObject("metadata");
      r.metadata()
          .forEach(
              (k, v) -> {
                if (v instanceof String s) {
                  meta.put(k, s);
                } else if (v instanceof Boolean b) {
                  meta.put(k, b);
                } else if (v instanceof Long l) {
                  meta.put(k, l);
                } else {
                  meta.put(k, ((Number) v).doubleValue());
                }
              });
    }
    try {
      return JSON.writeValueAsBytes(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records not serializable", e);
    }
  }

  static List<StoreData.StoredRecord> records(String file, byte[] payload) {
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (IOException e) {
      throw new CorruptStoreException(file, "records are not valid JSON", e);
    }
    if (root == null || !root.isArray()) {
      throw new CorruptStoreException(file, "records are not a JSON array", null);
    }
    List<StoreData.StoredRecord> out = new ArrayList<>(root.size());
    for (JsonNode o : root) {
      JsonNode label = o.get("label");
      JsonNode id = o.get("id");
      JsonNode text = o.get("text");
      JsonNode meta = o.get("metadata");
      if (label == null
          || !label.canConvertToLong()
          || id == null
          || !id.isTextual()
          || id.asText().isBlank()
          || text == null
          || !text.isTextual()
          || meta == null
          || !meta.isObject()) {
        throw new CorruptStoreException(file, "record " + out.size() + " is malformed", null);
      }
      out.add(
          new StoreData.StoredRecord(
              label.asLong(), id.asText(), text.asText(), metadata(file, meta)));
    }
    return out;
  }

  private static Map<String, Object> metadata(String file, JsonNode meta) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      Object value;
      if (v.isTextual()) {
        value = v.asText();
      } else if (v.isBoolean()) {
        value = v.asBoolean();
      } else if (v.isIntegralNumber() && v.canConvertToLong()) {
        value = v.asLong();
      } else if (v.isFloatingPointNumber()) {
        value = v.asDouble();
      } else {
        throw new CorruptStoreException(
            file, "metadata '" + e.getKey() + "' has a bad value", null);
      }
      values.put(e.getKey(), value);
    }
    return values;
  }
}
