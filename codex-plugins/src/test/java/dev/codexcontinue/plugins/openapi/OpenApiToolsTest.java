package dev.codexcontinue.plugins.openapi;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.plugins.net.SsrfGuard;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OpenAPI operations as tools against MockWebServer: requests built right, hosts confined. */
final class OpenApiToolsTest {
  private static final String TOKEN = "oat_TEST_bearer_0123456789";

  private PetstoreFixture api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private PetstoreFixture petstore(java.util.function.UnaryOperator<OpenApiTools.Builder> more)
      throws Exception {
    api = PetstoreFixture.allowed("petstore.json", more);
    return api;
  }

  private RecordedRequest taken() throws InterruptedException {
    return api.server.takeRequest(5, SECONDS);
  }

  @Test
  void get_queryArraysExplodedAndBearerSent() throws Exception {
    petstore(b -> b.bearerToken(Secret.of(TOKEN)));
    api.server.enqueue(PetstoreFixture.json(200, "[{\"id\":1,\"name\":\"Rex\"}]"));

    ToolResult result = api.call("listPets", "{\"limit\":2,\"tags\":[\"dog\",\"cat\"]}");

    assertThat(result.isError()).isFalse();
    assertThat(result.content()).startsWith("HTTP 200 (application/json)").contains("Rex");
    RecordedRequest sent = taken();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/pets");
    assertThat(sent.getUrl().queryParameterValues("tags")).containsExactly("dog", "cat");
    assertThat(sent.getUrl().queryParameter("limit")).isEqualTo("2");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void pathParameter_isEncodedAsOneSegment() throws Exception {
    petstore(b -> b);
    api.server.enqueue(PetstoreFixture.json(200, "{\"id\":1}"));

    api.call("showPetById", "{\"petId\":\"a/b c?d\"}");

    assertThat(taken().getUrl().encodedPath()).isEqualTo("/v1/pets/a%2Fb%20c%3Fd");
  }

  @Test
  void pathParameterDotDot_isRefusedWithoutARequest() throws Exception {
    petstore(b -> b);

    ToolResult result = api.call("deletePet", "{\"petId\":\"..\"}");

    assertThat(result.isError()).isTrue();
    assertThat(api.server.getRequestCount()).isZero();
  }

  @Test
  void post_sendsJsonBodyAndHeaderParameterAndIsDescribedWithoutCredentials() throws Exception {
    petstore(b -> b.apiKeyQuery("api_key", Secret.of(TOKEN)));
    api.server.enqueue(PetstoreFixture.json(201, "{\"id\":7,\"name\":\"Rex\"}"));
    String args = "{\"X-Request-ID\":\"r-1\",\"body\":{\"name\":\"Rex\",\"tag\":null}}";

    String described = api.tool("createPet").describeCall(ToolCall.of("c", "createPet", args));
    ToolResult result = api.call("createPet", args);

    assertThat(described)
        .isEqualTo(
            "POST http://127.0.0.1:"
                + api.server.getPort()
                + "/v1/pets body: {\"name\":\"Rex\",\"tag\":null}");
    assertThat(result.content()).startsWith("HTTP 201");
    RecordedRequest sent = taken();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getHeaders().get("X-Request-ID")).isEqualTo("r-1");
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(sent.getBody().utf8()).isEqualTo("{\"name\":\"Rex\",\"tag\":null}");
    assertThat(sent.getUrl().queryParameter("api_key")).isEqualTo(TOKEN);
  }

  @Test
  void apiKeyHeaderAndBasic_areSentAndMaskedInResults() throws Exception {
    petstore(b -> b.apiKeyHeader("X-API-Key", Secret.of(TOKEN)));
    api.server.enqueue(PetstoreFixture.json(401, "{\"message\":\"bad key " + TOKEN + "\"}"));

    ToolResult result = api.call("listPets", "{}");

    assertThat(taken().getHeaders().get("X-API-Key")).isEqualTo(TOKEN);
    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("HTTP 401", "bad key ****").doesNotContain(TOKEN);
    api.close();
    api = null;
    petstore(b -> b.basicAuth("ada", Secret.of("s3cret-pass")));
    api.server.enqueue(PetstoreFixture.json(200, "[]"));
    api.call("listPets", "{}");
    assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Basic YWRhOnMzY3JldC1wYXNz");
  }

  @Test
  void postFailing_isSentOnce() throws Exception {
    petstore(b -> b);
    api.server.enqueue(PetstoreFixture.json(503, "{\"message\":\"busy\"}"));
    api.server.enqueue(PetstoreFixture.json(201, "{}"));

    ToolResult result = api.call("createPet", "{\"body\":{\"name\":\"Rex\"}}");

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("HTTP 503");
    assertThat(api.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void documentServerOnLoopback_isStillGuarded() throws Exception {
    api = new PetstoreFixture("petstore.json");
    api.server.enqueue(PetstoreFixture.json(200, "[]"));

    ToolResult result = api.call("listPets", "{}");

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("SSRF", "loopback");
    assertThat(api.server.getRequestCount()).isZero();
  }

  @Test
  void redirectToAHostThatIsNotAServer_isRefused() throws Exception {
    petstore(b -> b);
    api.server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .setHeader("Location", "http://203.0.113.7/steal")
            .build());

    ToolResult result = api.call("listPets", "{}");

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("203.0.113.7", "not one of the API's servers");
    assertThat(api.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void allowedHosts_replaceTheDocumentServers() throws Exception {
    api =
        new PetstoreFixture(
            "petstore.json",
            (b, port) ->
                b.allowedHosts(List.of("127.0.0.1:1"))
                    .guard(SsrfGuard.builder().trustHost("127.0.0.1").build()));

    ToolResult refused = api.call("listPets", "{}");

    assertThat(refused.isError()).isTrue();
    assertThat(refused.content()).contains("not one of the API's servers");
    assertThat(api.server.getRequestCount()).isZero();
  }
}
