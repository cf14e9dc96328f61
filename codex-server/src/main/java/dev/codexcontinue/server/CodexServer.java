package dev.codexcontinue.server;

import com.sun.net.httpserver.HttpServer;
import dev.codexcontinue.api.Provider;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.core.discovery.Providers;
import dev.codexcontinue.server.internal.JdkExchangeAdapter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * Runs a {@link CodexHttpHandler} standalone on the JDK's built-in HTTP server ({@code
 * com.sun.net.httpserver}), which adds no dependency to the host.
 *
 * <p>It binds {@code 127.0.0.1} by default and then accepts only the {@code Host} names of that
 * loopback address (against DNS rebinding). A bind to any other address needs a bearer token:
 * without one, {@link Builder#build()} throws before any socket is opened.
 *
 * <pre>{@code
 * try (CodexServer server = CodexServer.builder()
 *     .port(8080)
 *     .handler(CodexHttpHandler.builder().provider(provider))
 *     .build()
 *     .start()) {
 *   System.out.println("listening on " + server.uri());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class CodexServer implements AutoCloseable {
  private final HttpServer server;
  private final CodexHttpHandler handler;
  private final ExecutorService threads;

  private CodexServer(HttpServer server, CodexHttpHandler handler, ExecutorService threads) {
    this.server = server;
    this.handler = handler;
    this.threads = threads;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts accepting connections and returns this server. */
  public CodexServer start() {
    server.start();
    return this;
  }

  /** Returns the port the server is bound to (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns the base URI, for example {@code http://127.0.0.1:8080}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
  }

  /** Returns the handler the server runs. */
  public CodexHttpHandler handler() {
    return handler;
  }

  /** Blocks until the thread is interrupted; for {@link #main}. */
  public void awaitStop() throws InterruptedException {
    new java.util.concurrent.CountDownLatch(1).await();
  }

  /** Stops accepting, ends open exchanges, closes the handler's agent. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    handler.close();
  }

  /**
   * Runs the server from the command line. Options: {@code --host}, {@code --port}, {@code
   * --provider} (a provider id such as {@code openai} or {@code ollama}, configured from the
   * environment). The token comes from {@code CODEX_SERVER_TOKEN}, never from the command line.
   */
  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 8080;
    String providerId = "openai";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--provider" -> providerId = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Provider provider = Providers.create(providerId, Settings.fromEnvironment());
    CodexHttpHandler.Builder handler = CodexHttpHandler.builder().provider(provider);
    String token = System.getenv("CODEX_SERVER_TOKEN");
    if (token != null && !token.isBlank()) {
      handler.bearerToken(token);
    }
    try (provider;
        CodexServer server = builder().host(host).port(port).handler(handler).build().start()) {
      System.out.println("codex-server listening on " + server.uri());
      server.awaitStop();
    }
  }

  /** Builds a {@link CodexServer}. Not thread-safe. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private int threads = 64;
    @Nullable private CodexHttpHandler.Builder handler;

    private Builder() {}

    /** Sets the address to bind; {@code 127.0.0.1} by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    /** Sets the port; 8080 by default, 0 for any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets how many exchanges run at once (each open stream holds one); 64 by default. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets the handler to run, not yet built: the server adds its loopback host names. Required.
     */
    public Builder handler(CodexHttpHandler.Builder handler) {
      this.handler = Objects.requireNonNull(handler, "handler == null");
      return this;
    }

    /**
     * Binds the socket and builds the handler; call {@link CodexServer#start()} to serve.
     *
     * @throws ConfigurationException when the address is not loopback and no bearer token is set
     *     (checked before any socket is opened), or the address cannot be bound
     * @throws IllegalStateException when no handler was set
     */
    public CodexServer build() {
      if (handler == null) {
        throw new IllegalStateException("a server needs a handler");
      }
      InetAddress address;
      try {
        address = InetAddress.getByName(host);
      } catch (UnknownHostException e) {
        throw new ConfigurationException("unknown host to bind: " + host, e);
      }
      boolean loopback = address.isLoopbackAddress();
      if (!loopback && !handler.hasBearerToken()) {
        throw new ConfigurationException(
            "binding "
                + host
                + " exposes the agent beyond this machine: set a bearer token"
                + " (CodexHttpHandler.Builder.bearerToken) or bind 127.0.0.1");
      }
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(address, port), 128);
      } catch (IOException e) {
        throw new ConfigurationException("cannot bind " + host + ":" + port + ": " + e, e);
      }
      int bound = server.getAddress().getPort();
      if (loopback) {
        for (String name : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
          handler.allowHost(name + ":" + bound);
        }
      }
      CodexHttpHandler built;
      try {
        built = handler.build();
      } catch (RuntimeException e) {
        server.stop(0);
        throw e;
      }
      ExecutorService pool = pool(threads);
      server.createContext("/", new JdkExchangeAdapter(built));
      server.setExecutor(pool);
      return new CodexServer(server, built, pool);
    }

    private static ExecutorService pool(int threads) {
      AtomicInteger n = new AtomicInteger();
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              threads,
              threads,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(threads * 4),
              r -> {
                Thread t = new Thread(r, "codex-server-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              },
              new ThreadPoolExecutor.AbortPolicy());
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }
}
