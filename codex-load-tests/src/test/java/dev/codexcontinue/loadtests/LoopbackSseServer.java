package dev.codexcontinue.loadtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat completions stub on loopback that streams every request's answer as
 * Server-Sent Events: {@code events} content chunks {@code interval} apart, then a finish chunk
 * with usage and {@code [DONE]}, over HTTP/1.1 chunked encoding with keep-alive. Each content
 * chunk's text is the server's {@link System#nanoTime()} when it wrote it, so a client in the same
 * JVM measures how long each event took to reach it.
 *
 * <p>It runs on two threads whatever the load (a selector that accepts and reads requests, a
 * scheduler that writes events), so that the threads a test counts are the client's.
 */
final class LoopbackSseServer implements AutoCloseable {
  private static final byte[] HEAD =
      ascii(
          "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n"
              + "x-ratelimit-remaining-requests: 10000\r\n\r\n");

  private final int events;
  private final long intervalNanos;
  private final ServerSocketChannel server;
  private final Selector selector;
  private final ScheduledExecutorService writer;
  private final Thread selectorThread;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicInteger streaming = new AtomicInteger();
  private final AtomicInteger maxStreaming = new AtomicInteger();
  private volatile boolean closed;

  LoopbackSseServer(int events, java.time.Duration interval) throws IOException {
    this.events = events;
    this.intervalNanos = interval.toNanos();
    this.server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.configureBlocking(false);
    this.selector = Selector.open();
    server.register(selector, SelectionKey.OP_ACCEPT);
    this.writer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sse-stub-writer");
              t.setDaemon(true);
              return t;
            });
    this.selectorThread = new Thread(this::select, "sse-stub-selector");
    selectorThread.setDaemon(true);
    selectorThread.start();
  }

  /** Returns the base URL, ending in {@code /v1}. */
  String baseUrl() throws IOException {
    return "http://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort() + "/v1";
  }

  /** Returns how many requests it answered. */
  long requests() {
    return requests.get();
  }

  /** Returns the most streams it sent at once. */
  int maxConcurrentStreams() {
    return maxStreaming.get();
  }

  private void select() {
    try {
      while (!closed) {
        selector.select(200);
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept();
          } else if (key.isReadable()) {
            read(key);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      if (!closed) {
        throw new IllegalStateException("stub server failed", e);
      }
    }
  }

  private void accept() throws IOException {
    SocketChannel channel;
    while ((channel = server.accept()) != null) {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
    }
  }

  private void read(SelectionKey key) {
    Connection c = (Connection) key.attachment();
    try {
      int n = c.channel.read(c.in);
      if (n < 0) {
        key.cancel();
        c.channel.close();
        return;
      }
      while (c.takeRequest()) {
        requests.incrementAndGet();
        respond(c);
      }
    } catch (IOException e) {
      key.cancel();
      closeQuietly(c.channel);
    }
  }

  private void respond(Connection c) {
    int now = streaming.incrementAndGet();
    maxStreaming.accumulateAndGet(now, Math::max);
    write(c, HEAD);
    for (int i = 1; i <= events; i++) {
      boolean last = i == events;
      writer.schedule(
          () -> {
            write(c, chunk(event(Long.toString(System.nanoTime()))));
            if (last) {
              // Counted as ended before the client can see its end, so that a client that starts
              // the next stream at once is never counted twice.
              streaming.decrementAndGet();
              write(c, chunk(finish()));
              write(c, chunk("data: [DONE]\n\n"));
              write(c, ascii("0\r\n\r\n"));
            }
          },
          i * intervalNanos,
          TimeUnit.NANOSECONDS);
    }
  }

  private static String event(String text) {
    return "data: {\"id\":\"chatcmpl-load\",\"object\":\"chat.completion.chunk\",\"model\":\"stub\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + text
        + "\"},\"finish_reason\":null}]}\n\n";
  }

  private static String finish() {
    return "data: {\"id\":\"chatcmpl-load\",\"object\":\"chat.completion.chunk\",\"model\":\"stub\","
        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":20,\"total_tokens\":32}}\n\n";
  }

  private static byte[] chunk(String data) {
    byte[] body = data.getBytes(StandardCharsets.UTF_8);
    byte[] head = ascii(Integer.toHexString(body.length).toUpperCase(Locale.ROOT) + "\r\n");
    byte[] out = new byte[head.length + body.length + 2];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }

  /** Writes all of {@code bytes}; loopback socket buffers are far larger than one stream. */
  private static void write(Connection c, byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    synchronized (c) {
      try {
        while (buffer.hasRemaining()) {
          if (c.channel.write(buffer) == 0) {
            Thread.onSpinWait();
          }
        }
      } catch (IOException e) {
        // The client went away (cancelled); its stream simply ends here.
        closeQuietly(c.channel);
      }
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    writer.shutdownNow();
    selector.wakeup();
    try {
      selectorThread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      if (key.channel() instanceof SocketChannel channel) {
        closeQuietly(channel);
      }
    }
    selector.close();
    server.close();
  }

  /** One client connection and the bytes of requests it sent but that were not taken yet. */
  private static final class Connection {
    final SocketChannel channel;
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    /** Takes one whole request (headers and body) off the buffer; false when none is complete. */
    boolean takeRequest() {
      String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        grow();
        return false;
      }
      int length = 0;
      for (String line : text.substring(0, end).split("\r\n")) {
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).strip());
        }
      }
      int total = end + 4 + length;
      if (in.position() < total) {
        grow();
        return false;
      }
      byte[] rest = new byte[in.position() - total];
      System.arraycopy(in.array(), total, rest, 0, rest.length);
      in.clear();
      in.put(rest);
      return true;
    }

    private void grow() {
      if (!in.hasRemaining()) {
        ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
        in.flip();
        bigger.put(in);
        in = bigger;
      }
    }
  }
}
