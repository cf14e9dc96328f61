package dev.codexcontinue.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.ChatChunk;
import dev.codexcontinue.api.ChatRequest;
import dev.codexcontinue.api.ChatResponse;
import dev.codexcontinue.api.StreamListener;
import dev.codexcontinue.api.exception.CodexException;
import dev.codexcontinue.provider.openai.OpenAiProvider;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One chat call ({@code chat*}) and one streamed answer of {@code chunks} SSE chunks ({@code
 * stream*}), made by the codex-http OpenAI provider, by raw OkHttp doing the same work with Jackson
 * (the floor), and by LangChain4j's OpenAI client, against one local server.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OpenAiClientsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
// JMH fills the fields in @Setup, which NullAway does not know as an initializer.
@SuppressWarnings("NullAway.Init")
public class OpenAiClientsBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  @Param({"1000"})
  public int chunks;

  private LocalOpenAiServer server;
  private OpenAiProvider codex;
  private OkHttpClient okHttp;
  private OpenAiChatModel langChain4j;
  private OpenAiStreamingChatModel langChain4jStreaming;
  private ChatRequest request;

  /** Starts the server and the three clients. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = new LocalOpenAiServer(chunks);
    codex =
        OpenAiProvider.builder()
            .apiKey("sk-bench")
            .baseUrl(server.baseUrl())
            .model("gpt-4o-mini")
            .build();
    okHttp = new OkHttpClient();
    langChain4j =
        OpenAiChatModel.builder()
            .baseUrl(server.baseUrl())
            .apiKey("sk-bench")
            .modelName("gpt-4o-mini")
            .build();
    langChain4jStreaming =
        OpenAiStreamingChatModel.builder()
            .baseUrl(server.baseUrl())
            .apiKey("sk-bench")
            .modelName("gpt-4o-mini")
            .build();
    request = ChatRequest.of("Hello!");
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    codex.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    server.close();
  }

  /** A blocking chat call through the codex-http OpenAI provider. */
  @Benchmark
  public String chatCodex() {
    return codex.chat(request).text();
  }

  /**
   * The same exchange with raw OkHttp and Jackson: write the body, read the tree, take the text.
   */
  @Benchmark
  public String chatRawOkHttp() throws IOException {
    try (Response response = okHttp.newCall(rawRequest(false)).execute()) {
      JsonNode root = JSON.readTree(response.body().bytes());
      return root.at("/choices/0/message/content").asText();
    }
  }

  /** The same call through LangChain4j's OpenAI client. */
  @Benchmark
  public String chatLangChain4j() {
    return langChain4j.chat("Hello!");
  }

  /** A streamed answer through the codex-http OpenAI provider, every chunk to a listener. */
  @Benchmark
  public int streamCodex() throws Exception {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    int[] chars = new int[1];
    codex.stream(
        request,
        new StreamListener() {
          @Override
          public void onChunk(ChatChunk chunk) {
            chars[0] += chunk.text().length();
          }

          @Override
          public void onComplete(ChatResponse response) {
            done.complete(chars[0] + response.text().length());
          }

          @Override
          public void onError(CodexException error) {
            done.completeExceptionally(error);
          }
        });
    return done.get(30, TimeUnit.SECONDS);
  }

  /** The same stream with raw OkHttp: read lines, parse each data payload, take the text. */
  @Benchmark
  public int streamRawOkHttp() throws IOException {
    int chars = 0;
    try (Response response = okHttp.newCall(rawRequest(true)).execute()) {
      BufferedSource source = response.body().source();
      String line;
      while ((line = source.readUtf8Line()) != null) {
        if (!line.startsWith("data: ")) {
          continue;
        }
        String data = line.substring(6);
        if (data.equals("[DONE]")) {
          break;
        }
        JsonNode content = JSON.readTree(data).at("/choices/0/delta/content");
        chars += content.isTextual() ? content.asText().length() : 0;
      }
    }
    return chars;
  }

  /** The same stream through LangChain4j's streaming OpenAI client. */
  @Benchmark
  public int streamLangChain4j() throws Exception {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    int[] chars = new int[1];
    langChain4jStreaming.chat(
        "Hello!",
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String partial) {
            chars[0] += partial.length();
          }

          @Override
          public void onCompleteResponse(
              dev.langchain4j.model.chat.response.ChatResponse response) {
            done.complete(chars[0] + response.aiMessage().text().length());
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    return done.get(30, TimeUnit.SECONDS);
  }

  private Request rawRequest(boolean stream) {
    ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
    body.putArray("messages").addObject().put("role", "user").put("content", "Hello!");
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    return new Request.Builder()
        .url(server.baseUrl() + "/chat/completions")
        .header("Authorization", "Bearer sk-bench")
        .post(RequestBody.create(body.toString(), JSON_TYPE))
        .build();
  }
}
