package dev.codexcontinue.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codexcontinue.api.exception.AuthenticationException;
import dev.codexcontinue.api.exception.ErrorDetails;
import dev.codexcontinue.api.exception.IncompleteStreamException;
import dev.codexcontinue.api.exception.InvalidRequestException;
import dev.codexcontinue.api.exception.ProviderUnavailableException;
import dev.codexcontinue.api.exception.RateLimitException;
import dev.codexcontinue.api.exception.UnsupportedCapabilityException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class ExceptionsTest {
  @Test
  void providerException_messageCarriesContext() {
    ErrorDetails d =
        ErrorDetails.builder("openai")
            .statusCode(429)
            .errorCode("rate_limit_exceeded")
            .requestId("req_1")
            .retryAfter(Duration.ofSeconds(2))
            .build();
    RateLimitException e = new RateLimitException("rate limited", d, null);
    assertThat(e.getMessage())
        .contains("rate limited", "openai", "429", "rate_limit_exceeded", "req_1", "2000ms");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.statusCode()).hasValue(429);
    assertThat(new RateLimitException("quota", d, false, null).isRetryable()).isFalse();
  }

  @Test
  void retryability_followsTheHierarchy() {
    ErrorDetails d = ErrorDetails.of("p");
    assertThat(new ProviderUnavailableException("x", d, null).isRetryable()).isTrue();
    assertThat(new InvalidRequestException("x", d, null).isRetryable()).isFalse();
    assertThat(new AuthenticationException("x", d, null).isRetryable()).isFalse();
    assertThat(new IncompleteStreamException("eof", 3, null, null).eventsDelivered()).isEqualTo(3);
  }

  @Test
  void unsupportedCapability_namesProviderAndCapability() {
    Provider p =
        new Provider() {
          @Override
          public String id() {
            return "chat-only";
          }

          @Override
          public java.util.Set<Capability> capabilities() {
            return java.util.Set.of(Capability.CHAT);
          }

          @Override
          public ChatResponse chat(ChatRequest request) {
            throw new AssertionError();
          }

          @Override
          public java.util.concurrent.CompletableFuture<ChatResponse> chatAsync(ChatRequest r) {
            throw new AssertionError();
          }

          @Override
          public Cancellable stream(ChatRequest request, StreamListener listener) {
            throw new AssertionError();
          }

          @Override
          public void close() {}
        };
    UnsupportedCapabilityException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UnsupportedCapabilityException.class,
            () -> p.complete(CompletionRequest.builder("a", "b").build()));
    assertThat(e.getMessage()).contains("chat-only", "CODE_COMPLETION");
    assertThat(p.completeAsync(CompletionRequest.builder("a", "").build()))
        .isCompletedExceptionally();
    assertThat(p.supports(Capability.EMBEDDINGS)).isFalse();
  }
}
