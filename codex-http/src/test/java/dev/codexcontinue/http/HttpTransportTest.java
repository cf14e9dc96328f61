package dev.codexcontinue.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** What the transport builds and what it owns. */
final class HttpTransportTest {
  @Test
  void build_ownClient_raisesThePerHostLimitAndTurnsOffSilentRetries() {
    try (HttpTransport transport = HttpTransport.builder("test").maxRequests(32).build()) {
      OkHttpClient client = transport.client();

      assertThat(client.dispatcher().getMaxRequests()).isEqualTo(32);
      assertThat(client.dispatcher().getMaxRequestsPerHost()).isEqualTo(32);
      assertThat(client.connectTimeoutMillis()).isEqualTo(10_000);
      assertThat(client.readTimeoutMillis()).isEqualTo(60_000);
      assertThat(client.callTimeoutMillis()).isZero();
      assertThat(client.retryOnConnectionFailure()).isFalse();
    }
  }

  @Test
  void close_ownClient_shutsItsDispatcherDown() {
    HttpTransport transport = HttpTransport.builder("test").build();
    OkHttpClient client = transport.client();

    transport.close();
    transport.close();

    assertThat(client.dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void close_borrowedClient_isLeftRunningAndSharesItsPool() {
    OkHttpClient borrowed = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(3)).build();
    HttpTransport transport = HttpTransport.builder("test").client(borrowed).build();

    assertThat(transport.client().connectionPool()).isSameAs(borrowed.connectionPool());
    assertThat(transport.client().dispatcher()).isSameAs(borrowed.dispatcher());
    assertThat(transport.client().readTimeoutMillis()).isEqualTo(3_000);
    transport.close();

    assertThat(borrowed.dispatcher().executorService().isShutdown()).isFalse();
    borrowed.dispatcher().executorService().shutdown();
  }

  @Test
  void builder_badArguments_areRejected() {
    assertThatThrownBy(() -> HttpTransport.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> HttpTransport.builder("t").readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpTransport.builder("t").maxRequests(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpCall.post("not a url"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
