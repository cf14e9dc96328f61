package dev.codexcontinue.plugins.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.exception.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenAPI 3.0 JSON and 3.1 YAML become the same tools, with schemas from parameters and body. */
final class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static OpenApiTools tools(String name) {
    return OpenApiTools.builder()
        .documentText(PetstoreFixture.document(name, 8080))
        .allowedHosts(java.util.List.of("127.0.0.1:8080"))
        .build();
  }

  private static JsonNode schema(OpenApiTools tools, String name) throws Exception {
    Tool tool =
        tools.tools().stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
    return JSON.readTree(tool.spec().parametersSchema());
  }

  @ParameterizedTest
  @ValueSource(strings = {"petstore.json", "petstore.yaml"})
  void operations_becomeToolsWithSchemasFromParametersAndBody(String document) throws Exception {
    try (OpenApiTools tools = tools(document)) {
      assertThat(tools.tools())
          .extracting(t -> t.spec().name())
          .contains("listPets", "createPet", "showPetById", "deletePet")
          .doesNotContain("uploadPhoto");
      assertThat(tools.serverUrl()).isEqualTo("http://127.0.0.1:8080/v1");

      JsonNode list = schema(tools, "listPets");
      assertThat(list.path("properties").path("limit").path("type").asText()).isEqualTo("integer");
      assertThat(list.path("properties").path("tags").path("items").path("type").asText())
          .isEqualTo("string");
      assertThat(list.path("additionalProperties").asBoolean(true)).isFalse();

      JsonNode create = schema(tools, "createPet");
      assertThat(create.path("required")).extracting(JsonNode::asText).containsExactly("body");
      JsonNode pet = create.path("properties").path("body");
      assertThat(pet.path("properties").has("id")).as("readOnly id dropped").isFalse();
      assertThat(pet.path("required")).extracting(JsonNode::asText).containsExactly("name");
      assertThat(pet.path("properties").path("tag").path("type"))
          .extracting(JsonNode::asText)
          .containsExactly("string", "null");
      assertThat(
              pet.path("properties")
                  .path("owner")
                  .path("properties")
                  .path("pets")
                  .path("items")
                  .path("description")
                  .asText())
          .isEqualTo("recursive Pet");
      assertThat(create.path("properties").has("X-Request-ID")).isTrue();

      JsonNode show = schema(tools, "showPetById");
      assertThat(show.path("required")).extracting(JsonNode::asText).containsExactly("petId");
      assertThat(show.path("properties").path("petId").path("description").asText())
          .isEqualTo("The id of the pet to retrieve");
    }
  }

  @Test
  void permissions_getAllowsAndEveryOtherMethodAsks() {
    try (OpenApiTools tools = tools("petstore.json")) {
      for (Tool tool : tools.tools()) {
        String name = tool.spec().name();
        ToolPermission expected =
            name.equals("listPets") || name.equals("showPetById")
                ? ToolPermission.ALLOW
                : ToolPermission.ASK;
        assertThat(tool.defaultPermission()).as(name).isEqualTo(expected);
      }
    }
  }

  @Test
  void operationWithoutId_isNamedByMethodAndPath() {
    try (OpenApiTools tools = tools("petstore.yaml")) {
      assertThat(tools.tools())
          .extracting(t -> t.spec().name())
          .contains("get_stores_storeId_inventory");
    }
  }

  @Test
  void names_areSanitisedCutAndUnique() {
    String long64 = "x".repeat(80);
    String doc =
        "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
            + "\"servers\":[{\"url\":\"https://api.example.com\"}],\"paths\":{"
            + "\"/a\":{\"get\":{\"operationId\":\"list pets!\"}},"
            + "\"/b\":{\"get\":{\"operationId\":\"list pets?\"}},"
            + "\"/c\":{\"get\":{\"operationId\":\""
            + long64
            + "\"}},"
            + "\"/d\":{\"get\":{\"operationId\":\""
            + long64
            + "\"}}}}";
    try (OpenApiTools tools = OpenApiTools.builder().documentText(doc).build()) {
      assertThat(tools.tools())
          .extracting(t -> t.spec().name())
          .containsExactly("list_pets", "list_pets_2", "x".repeat(64), "x".repeat(62) + "_2");
    }
  }

  @Test
  void swagger2_isRefusedWithAClearMessage() {
    assertThatThrownBy(
            () ->
                OpenApiTools.builder()
                    .documentText("{\"swagger\":\"2.0\",\"info\":{},\"paths\":{}}")
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("only OpenAPI 3.0 and 3.1")
        .hasMessageContaining("2.0");
  }

  @Test
  void malformedYaml_isAConfigurationError() {
    assertThatThrownBy(() -> OpenApiTools.builder().documentText("openapi: [3.1\n  x: :").build())
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void noServer_needsAServerUrl() {
    String doc =
        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}}";
    assertThatThrownBy(() -> OpenApiTools.builder().documentText(doc).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("server URL");
    try (OpenApiTools tools =
        OpenApiTools.builder().documentText(doc).serverUrl("http://10.0.0.5:8080/api").build()) {
      assertThat(tools.serverUrl()).isEqualTo("http://10.0.0.5:8080/api");
    }
  }

  @Test
  void builder_withoutDocument_failsAtBuild() {
    assertThatThrownBy(() -> OpenApiTools.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
