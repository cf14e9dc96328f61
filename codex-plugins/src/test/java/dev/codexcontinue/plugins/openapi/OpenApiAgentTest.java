package dev.codexcontinue.plugins.openapi;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.ChatMessage;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.Role;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.core.Agent;
import dev.codexcontinue.core.AgentRequest;
import dev.codexcontinue.core.tool.ApprovalDecision;
import dev.codexcontinue.core.tool.ToolInvocation;
import dev.codexcontinue.test.ScriptedProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenAPI tools inside an agent on the scripted provider (the agent also compiles every generated
 * schema): GET runs, POST asks with method, URL and body, a denial sends nothing.
 */
final class OpenApiAgentTest {
  private static final String TOKEN = "oat_TEST_bearer_0123456789";

  private PetstoreFixture api;

  @BeforeEach
  void start() throws Exception {
    api = PetstoreFixture.allowed("petstore.yaml", b -> b.bearerToken(Secret.of(TOKEN)));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void getThenApprovedPost_bothReachTheApiAndTheModel() throws Exception {
    api.server.enqueue(PetstoreFixture.json(200, "[{\"id\":1,\"name\":\"Rex\"}]"));
    api.server.enqueue(PetstoreFixture.json(201, "{\"id\":2,\"name\":\"Fido\"}"));
    List<ToolInvocation> asked = new CopyOnWriteArrayList<>();
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("listPets", "{\"limit\":5}")
                .toolCall("createPet", "{\"body\":{\"name\":\"Fido\"}}")
                .reply("Fido joined Rex.")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(api.list())
                .approver(
                    invocation -> {
                      asked.add(invocation);
                      return ApprovalDecision.APPROVE;
                    })
                .build()) {
      agent.chat(AgentRequest.of("s", "Add Fido"));

      assertThat(api.server.takeRequest(5, SECONDS).getMethod()).isEqualTo("GET");
      assertThat(api.server.takeRequest(5, SECONDS).getBody().utf8())
          .isEqualTo("{\"name\":\"Fido\"}");
      assertThat(asked)
          .singleElement()
          .satisfies(
              i ->
                  assertThat(i.description())
                      .isEqualTo(
                          "POST http://127.0.0.1:"
                              + api.server.getPort()
                              + "/v1/pets body: {\"name\":\"Fido\"}")
                      .doesNotContain(TOKEN));
      assertThat(lastToolMessage(model.requests().get(1)).text()).contains("Rex");
      assertThat(lastToolMessage(model.requests().get(2)).text()).contains("HTTP 201", "Fido");
    }
  }

  @Test
  void deniedDelete_neverReachesTheApi() {
    try (ScriptedProvider model =
            ScriptedProvider.builder()
                .toolCall("deletePet", "{\"petId\":\"1\"}")
                .reply("I did not delete it.")
                .build();
        Agent agent =
            Agent.builder()
                .provider(model)
                .tools(api.list())
                .approver(invocation -> ApprovalDecision.DENY)
                .build()) {
      agent.chat(AgentRequest.of("s", "Delete pet 1"));

      assertThat(api.server.getRequestCount()).isZero();
      assertThat(lastToolMessage(model.requests().get(1)).text()).contains("denied by user");
    }
  }

  private static ChatMessage lastToolMessage(ChatRequest request) {
    return request.messages().stream()
        .filter(m -> m.role().equals(Role.TOOL))
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
