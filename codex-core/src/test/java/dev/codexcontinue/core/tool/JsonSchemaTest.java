package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class JsonSchemaTest {
  @Test
  void object_withProperties_writesTheExpectedSchema() {
    JsonSchema schema =
        JsonSchema.object()
            .description("read a file")
            .property(
                "path", JsonSchema.string().description("the file").minLength(1).maxLength(4096))
            .property("limit", JsonSchema.integer().minimum(1).maximum(1000))
            .property("ratio", JsonSchema.number().minimum(0.0).maximum(1.5))
            .property("follow", JsonSchema.bool())
            .property("mode", JsonSchema.enumOf("text", "binary"))
            .property(
                "tags",
                JsonSchema.array(JsonSchema.string().pattern("^[a-z]+$"))
                    .minItems(1)
                    .maxItems(5)
                    .uniqueItems())
            .required("path", "mode");

    assertThat(schema.toJson())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{"
                + "\"path\":{\"type\":\"string\",\"description\":\"the file\",\"minLength\":1,"
                + "\"maxLength\":4096},"
                + "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000},"
                + "\"ratio\":{\"type\":\"number\",\"minimum\":0.0,\"maximum\":1.5},"
                + "\"follow\":{\"type\":\"boolean\"},"
                + "\"mode\":{\"type\":\"string\",\"enum\":[\"text\",\"binary\"]},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\","
                + "\"pattern\":\"^[a-z]+$\"},\"minItems\":1,\"maxItems\":5,\"uniqueItems\":true}},"
                + "\"additionalProperties\":false,\"description\":\"read a file\","
                + "\"required\":[\"path\",\"mode\"]}");
  }

  @Test
  void object_rejectsUndeclaredPropertiesByDefault() {
    assertThat(JsonSchema.object().toJson())
        .isEqualTo("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");
    assertThat(JsonSchema.object().additionalProperties(true).toJson())
        .contains("\"additionalProperties\":true");
    assertThat(JsonSchema.object().additionalProperties(JsonSchema.integer()).toJson())
        .contains("\"additionalProperties\":{\"type\":\"integer\"}");
  }

  @Test
  void methods_returnNewSchemasAndLeaveTheOriginalUnchanged() {
    JsonSchema base = JsonSchema.object().property("a", JsonSchema.string());
    JsonSchema withRequired = base.required("a");
    JsonSchema twice = withRequired.required("a");

    assertThat(base.toJson()).doesNotContain("required");
    assertThat(withRequired.toJson()).contains("\"required\":[\"a\"]");
    assertThat(twice).isEqualTo(withRequired).hasSameHashCodeAs(withRequired);
    assertThat(base).isNotEqualTo(withRequired);
    assertThat(base.toString()).isEqualTo(base.toJson());
  }

  @Test
  void keywordOnTheWrongType_throwsIllegalStateException() {
    assertThatThrownBy(() -> JsonSchema.integer().maxLength(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxLength applies to string schemas, not integer");
    assertThatThrownBy(() -> JsonSchema.string().minimum(1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JsonSchema.string().property("a", JsonSchema.bool()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JsonSchema.object().maxItems(1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void invalidValues_throwIllegalArgumentException() {
    assertThatThrownBy(() -> JsonSchema.object().required("missing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'missing' is not declared");
    assertThatThrownBy(JsonSchema::enumOf).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonSchema.string().pattern("("))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonSchema.string().maxLength(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonSchema.number().maximum(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonSchema.array(null)).isInstanceOf(NullPointerException.class);
  }
}
