package dev.codexcontinue.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.provider.openai.internal.StrictSchemas;
import org.junit.jupiter.api.Test;

final class StrictSchemasTest {
  @Test
  void strict_nestedSchema_closesEveryObjectAndMakesOptionalsNullable() {
    ObjectNode schema =
        (ObjectNode)
            ProviderTestSupport.json(
                "{\"type\":\"object\",\"properties\":{"
                    + "\"id\":{\"type\":\"string\"},"
                    + "\"note\":{\"type\":\"string\",\"description\":\"free text\"},"
                    + "\"owner\":{\"$ref\":\"#/$defs/person\",\"description\":\"who\"},"
                    + "\"kind\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]},"
                    + "\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}}},"
                    + "\"required\":[\"id\",\"kind\",\"items\"],"
                    + "\"$defs\":{\"person\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":[\"string\"]}}}}}");
    JsonNode before = schema.deepCopy();

    JsonNode strict = StrictSchemas.strict(schema);

    assertThat(schema).as("input untouched").isEqualTo(before);
    assertThat(strict.get("additionalProperties").asBoolean()).isFalse();
    assertThat(strict.get("required")).hasSize(5);
    assertThat(strict.at("/properties/id/type").asText()).isEqualTo("string");
    assertThat(strict.at("/properties/note/type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(strict.at("/properties/owner/anyOf/0/$ref").asText()).isEqualTo("#/$defs/person");
    assertThat(strict.at("/properties/owner/anyOf/1/type").asText()).isEqualTo("null");
    assertThat(strict.at("/properties/owner/description").asText()).isEqualTo("who");
    assertThat(strict.at("/properties/kind/anyOf")).hasSize(2);
    assertThat(strict.at("/properties/kind/oneOf").isMissingNode()).isTrue();
    assertThat(strict.at("/properties/items/items/additionalProperties").asBoolean()).isFalse();
    assertThat(strict.at("/properties/items/items/properties/n/type").toString())
        .isEqualTo("[\"integer\",\"null\"]");
    assertThat(strict.at("/$defs/person/additionalProperties").asBoolean()).isFalse();
    assertThat(strict.at("/$defs/person/properties/name/type").toString())
        .isEqualTo("[\"string\",\"null\"]");
  }

  @Test
  void strict_objectWithoutProperties_isClosedAndEmpty() {
    JsonNode strict =
        StrictSchemas.strict((ObjectNode) ProviderTestSupport.json("{\"type\":\"object\"}"));

    assertThat(strict.get("properties").size()).isZero();
    assertThat(strict.get("required").size()).isZero();
    assertThat(strict.get("additionalProperties").asBoolean()).isFalse();
  }
}
