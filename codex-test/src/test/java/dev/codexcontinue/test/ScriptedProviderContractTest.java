package dev.codexcontinue.test;

import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.api.exception.RateLimitException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The scripted provider keeps the contract it checks others against. */
final class ScriptedProviderContractTest extends AbstractProviderContractTest {
  private ScriptedProviderBuilder script = ScriptedProvider.builder();
  private ScriptedProvider provider;

  @AfterEach
  void closeProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  @Override
  protected Provider provider() {
    if (provider == null) {
      provider = script.build();
    }
    return provider;
  }

  @Override
  protected void givenTextReply(String text) {
    script.reply(text);
  }

  @Override
  protected void givenToolCall(String id, String name, String arguments) {
    script.toolCalls(ToolCall.of(id, name, arguments));
  }

  @Override
  protected void givenError(ErrorKind kind) {
    ErrorDetails d = ErrorDetails.builder("scripted").statusCode(statusOf(kind)).build();
    script.fail(
        switch (kind) {
          case AUTHENTICATION -> new AuthenticationException("bad key", d, null);
          case RATE_LIMITED -> new RateLimitException("slow down", d, null);
          case INVALID_REQUEST -> new InvalidRequestException("bad request", d, null);
          case SERVER_ERROR -> new ProviderUnavailableException("server error", d, null);
        });
  }

  @Override
  protected void givenStalledStream() {
    script.stall(List.of(ChatChunk.text("partial")));
  }

  private static int statusOf(ErrorKind kind) {
    return switch (kind) {
      case AUTHENTICATION -> 401;
      case RATE_LIMITED -> 429;
      case INVALID_REQUEST -> 400;
      case SERVER_ERROR -> 503;
    };
  }
}
