package dev.codexcontinue.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * An OpenAI-compatible upstream on a loopback socket that streams a chat completion slowly (one
 * event every 20 ms) and records when its client closes the connection: its next write fails.
 */
final class SlowUpstream implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;
  final CountDownLatch closedByClient = new CountDownLatch(1);
  volatile long closedAt;

  SlowUpstream() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "slow-upstream");
    thread.setDaemon(true);
    thread.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  private void serve() {
    try (Socket client = socket.accept()) {
      readRequest(client.getInputStream());
      OutputStream out = client.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      try {
        for (int i = 0; i < 1000; i++) {
          String chunk =
              "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                  + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"},"
                  + "\"finish_reason\":null}]}";
          out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(20);
        }
      } catch (IOException e) {
        closedAt = System.nanoTime();
        closedByClient.countDown();
      }
    } catch (IOException | InterruptedException e) {
      // The test ends the upstream by closing it.
    }
  }

  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length:");
    if (at >= 0) {
      int end = lower.indexOf("\r\n", at);
      int length = Integer.parseInt(lower.substring(at + 15, end).trim());
      in.readNBytes(length);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    thread.interrupt();
  }
}
