package dev.codexcontinue.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexcontinue.api.Secret;
import dev.codexcontinue.api.Settings;
import dev.codexcontinue.api.Tool;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.api.annotation.Experimental;
import dev.codexcontinue.api.exception.ConfigurationException;
import dev.codexcontinue.http.HttpTransport;
import dev.codexcontinue.http.Redactor;
import dev.codexcontinue.http.RetryPolicy;
import dev.codexcontinue.mcp.internal.ClientOptions;
import dev.codexcontinue.mcp.internal.ContentText;
import dev.codexcontinue.mcp.internal.Json;
import dev.codexcontinue.mcp.internal.JsonRpcSession;
import dev.codexcontinue.mcp.internal.Listings;
import dev.codexcontinue.mcp.internal.McpSettings;
import dev.codexcontinue.mcp.internal.McpTool;
import dev.codexcontinue.mcp.internal.McpTransport;
import dev.codexcontinue.mcp.internal.Requests;
import dev.codexcontinue.mcp.internal.ResourceTools;
import dev.codexcontinue.mcp.internal.StdioTransport;
import dev.codexcontinue.mcp.internal.StreamableHttpTransport;
import dev.codexcontinue.mcp.internal.Texts;
import dev.codexcontinue.mcp.internal.ToolNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connected client of one MCP server (protocol revision 2025-06-18; servers answering 2025-03-26
 * or 2024-11-05 are accepted too). {@link Builder#build()} starts the server (stdio) or opens the
 * session (streamable HTTP) and initializes it; {@link #tools()} returns the server's tools as
 * codex tools, which the agent's policy and approver govern like any other.
 *
 * <p>Every request has a timeout; a request that times out or whose {@link ToolContext} is
 * cancelled is abandoned and the server is sent {@code notifications/cancelled}. Failures are
 * {@link McpException}s naming the server and the method. Close the client to stop the server
 * process (stdin closed, then SIGTERM and SIGKILL to its whole process tree) or to delete the HTTP
 * session; a stdio server still running when the JVM exits is stopped by a shutdown hook.
 * Thread-safe.
 *
 * <pre>{@code
 * try (McpClient files = McpClient.builder()
 *         .command("npx", "-y", "@modelcontextprotocol/server-filesystem", "/srv/docs")
 *         .build();
 *     Agent agent = Agent.builder().provider(provider).tools(files.tools()).build()) {
 *   agent.chat(AgentRequest.of("s", "What is in the docs folder?"));
 * }
 * }</pre>
 */
@Experimental
public final class McpClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(McpClient.class);

  /** The protocol revision this client asks for. */
  public static final String PROTOCOL_VERSION = "2025-06-18";

  /** The protocol revisions this client accepts in a server's answer. */
  public static final Set<String> SUPPORTED_VERSIONS =
      Set.of("2025-06-18", "2025-03-26", "2024-11-05");

  private final JsonRpcSession session;
  private final Requests requests;
  private final ClientOptions options;
  private final McpServerInfo serverInfo;
  private final JsonNode capabilities;
  private final List<Runnable> toolsChangedListeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  @Nullable private final Thread shutdownHook;

  McpClient(McpTransport transport, ClientOptions options, boolean stopOnExit) {
    this.options = options;
    this.session = new JsonRpcSession(transport);
    this.requests = new Requests(session, options.requestTimeout());
    session.addNotificationListener(this::onNotification);
    this.shutdownHook = stopOnExit ? new Thread(transport::close, "mcp-shutdown") : null;
    try {
      session.start();
      if (shutdownHook != null) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      }
      JsonNode init = requests.initialize(PROTOCOL_VERSION, SUPPORTED_VERSIONS);
      this.capabilities = init.path("capabilities");
      String version = Json.text(init, "protocolVersion", "");
      this.serverInfo =
          new McpServerInfo(
              Json.text(init.path("serverInfo"), "name", ""),
              Json.text(init.path("serverInfo"), "version", ""),
              version,
              Json.text(init, "instructions", ""));
      transport.protocolVersion(version);
      session.notify("notifications/initialized", null);
      log.debug("connected to {}: {}", session.label(), serverInfo);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  private void onNotification(JsonNode message) {
    String method = Json.text(message, "method", "");
    if (method.equals("notifications/tools/list_changed")) {
      toolsChangedListeners.forEach(McpClient::runQuietly);
    } else {
      log.trace("{}: notification {}", session.label(), method);
    }
  }

  private static void runQuietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      log.warn("a tools-changed listener threw; ignored: {}", e.toString());
    }
  }

  /** Returns what the server said about itself at initialization. */
  public McpServerInfo serverInfo() {
    return serverInfo;
  }

  /**
   * Returns whether the server declared capability {@code name} ({@code tools}, {@code prompts}).
   */
  public boolean hasCapability(String name) {
    return capabilities.has(Objects.requireNonNull(name, "name == null"));
  }

  /**
   * Adds a listener called (on a transport thread) when the server says its tool list changed.
   * Tools already handed to an agent keep working by name; call {@link #tools()} again for the new
   * list.
   */
  public void addToolsChangedListener(Runnable listener) {
    toolsChangedListeners.add(Objects.requireNonNull(listener, "listener == null"));
  }

  /** Lists the server's tools, following pagination; empty when it has none. */
  public List<McpToolInfo> listTools() {
    return requests.paged("tools/list", "tools", Listings::tool);
  }

  /** Lists the server's resources, following pagination. */
  public List<McpResource> listResources() {
    return requests.paged("resources/list", "resources", Listings::resource);
  }

  /** Lists the server's prompts, following pagination. */
  public List<McpPrompt> listPrompts() {
    return requests.paged("prompts/list", "prompts", Listings::prompt);
  }

  /**
   * Calls tool {@code name} with {@code arguments} (a JSON object as text). A tool that failed
   * ({@code isError}) gives an error result; its content, structured content when there is no
   * other, is rendered as text (images and audio as placeholders) and capped.
   *
   * @throws IllegalArgumentException when {@code arguments} is not a JSON object
   * @throws McpException when the request fails (JSON-RPC error, timeout, server gone)
   * @throws dev.codexcontinue.api.exception.CancelledException when {@code context} is cancelled
   */
  public ToolResult callTool(String name, String arguments, ToolContext context) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(arguments, "arguments == null");
    Objects.requireNonNull(context, "context == null");
    ObjectNode params = Json.object().put("name", name);
    params.set("arguments", Json.arguments(arguments));
    JsonNode result = requests.send("tools/call", params, context);
    String text = ContentText.toolResult(result);
    text = options.redactor().redact(Texts.cap(text, options.maxResultChars()));
    return new ToolResult(text, result.path("isError").asBoolean(false));
  }

  /**
   * Reads resource {@code uri}: each of its contents as text (binary contents as placeholders).
   *
   * @throws McpException when the request fails
   */
  public String readResource(String uri) {
    return readResource(uri, ToolContext.none());
  }

  /** Reads resource {@code uri}, honouring the deadline and cancellation of {@code context}. */
  public String readResource(String uri, ToolContext context) {
    Objects.requireNonNull(uri, "uri == null");
    JsonNode result = requests.send("resources/read", Json.object().put("uri", uri), context);
    List<String> parts = new ArrayList<>();
    result.path("contents").forEach(c -> parts.add(ContentText.resource(c)));
    return options.redactor().redact(Texts.cap(String.join("\n", parts), options.maxResultChars()));
  }

  /**
   * Renders prompt {@code name} with {@code arguments}.
   *
   * @throws McpException when the request fails (an unknown prompt or a missing argument)
   */
  public List<McpPromptMessage> getPrompt(String name, Map<String, String> arguments) {
    Objects.requireNonNull(name, "name == null");
    ObjectNode params = Json.object().put("name", name);
    ObjectNode args = params.putObject("arguments");
    Objects.requireNonNull(arguments, "arguments == null").forEach(args::put);
    return Listings.promptMessages(requests.send("prompts/get", params, ToolContext.none()));
  }

  /**
   * Checks that the server answers.
   *
   * @throws McpException when it does not, within the request timeout
   */
  public void ping() {
    requests.send("ping", null, ToolContext.none());
  }

  /**
   * Returns the server's tools (listed now) as codex tools, named by {@link
   * Builder#toolPrefix(String)} plus the server's name (characters a provider refuses become {@code
   * _}), and, when {@link Builder#resourceTools(boolean)} is on and the server has resources,
   * {@code <prefix>mcp_list_resources} and {@code <prefix>mcp_read_resource}.
   */
  public List<Tool> tools() {
    List<Tool> tools = new ArrayList<>();
    ToolNames names = new ToolNames(options.toolPrefix());
    for (McpToolInfo info : listTools()) {
      tools.add(new McpTool(this, info, names.next(info.name()), options));
    }
    if (options.resourceTools() && hasCapability("resources")) {
      tools.addAll(ResourceTools.create(this, names));
    }
    return List.copyOf(tools);
  }

  /** Stops the server process or deletes the HTTP session; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    session.close();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down: the hook is running or has run.
      }
    }
  }

  @Override
  public String toString() {
    return "McpClient[" + session.label() + "]";
  }

  /** Builds and connects an {@link McpClient}. Not thread-safe. */
  public static final class Builder {
    /** The variables a stdio server inherits from this JVM by default, as MCP's own SDKs do. */
    private static final List<String> DEFAULT_INHERITED =
        List.of("HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER", "LANG", "TMPDIR");

    private List<String> command = List.of();
    @Nullable private HttpUrl url;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Set<String> inherited = new LinkedHashSet<>(DEFAULT_INHERITED);
    @Nullable private Path workingDirectory;
    @Nullable private Secret bearerToken;
    @Nullable private OkHttpClient httpClient;
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Duration shutdownGrace = Duration.ofSeconds(2);
    private String toolPrefix = "";
    private boolean resourceTools;
    private boolean trustReadOnlyHints = true;
    private int maxMessageBytes = 4 << 20;
    private int maxResultChars = 64_000;
    private Redactor redactor = Redactor.create();

    private Builder() {}

    /**
     * Reads {@code mcp.*} settings: {@code command} (a command line; double quotes group words) or
     * {@code url}; {@code bearer-token}; {@code pass-env} (comma-separated variable names the
     * server inherits besides the defaults); {@code working-dir}; {@code timeout}; {@code
     * tool-prefix}; {@code resource-tools}; {@code trust-read-only-hints}. Every secret value the
     * settings hold is masked in results and errors.
     *
     * @throws ConfigurationException when neither or both of command and url are set
     */
    public Builder settings(Settings settings) {
      Objects.requireNonNull(settings, "settings == null");
      redactor.registerAll(settings.secretValues());
      McpSettings.apply(settings.withPrefix("mcp"), this, resourceTools, trustReadOnlyHints);
      return this;
    }

    /** Starts the server as this program and arguments, speaking over its stdin and stdout. */
    public Builder command(List<String> command) {
      Objects.requireNonNull(command, "command == null")
          .forEach(a -> Objects.requireNonNull(a, "command argument == null"));
      if (command.isEmpty()) {
        throw new IllegalArgumentException("command is empty");
      }
      this.command = List.copyOf(command);
      this.url = null;
      return this;
    }

    /** Starts the server as this program and arguments. */
    public Builder command(String program, String... arguments) {
      List<String> all = new ArrayList<>();
      all.add(Objects.requireNonNull(program, "program == null"));
      all.addAll(List.of(arguments));
      return command(all);
    }

    /** Connects to a streamable HTTP endpoint such as {@code http://localhost:3001/mcp}. */
    public Builder url(String url) {
      HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url == null").strip());
      if (parsed == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + url);
      }
      this.url = parsed;
      this.command = List.of();
      return this;
    }

    /** Sets a variable of the stdio server's environment. */
    public Builder environment(String name, String value) {
      environment.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Lets the stdio server inherit variable {@code name} from this JVM. By default it inherits
     * only HOME, LOGNAME, PATH, SHELL, TERM, USER, LANG and TMPDIR, so that API keys in the
     * application's environment do not reach a third-party server.
     */
    public Builder inheritEnvironment(String name) {
      inherited.add(Objects.requireNonNull(name, "name == null"));
      return this;
    }

    /** Runs the stdio server in {@code directory}; this JVM's working directory by default. */
    public Builder workingDirectory(Path directory) {
      this.workingDirectory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>} to an HTTP server; the token is masked. */
    public Builder bearerToken(Secret token) {
      this.bearerToken = Objects.requireNonNull(token, "token == null");
      redactor.register(token);
      return this;
    }

    /** Borrows the caller's OkHttp client for HTTP; it is never shut down. */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets the longest wait for one answer; 60 s by default. A tool's deadline may cut it. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** Sets how long a stdio server gets to exit after stdin closes, and again after SIGTERM. */
    public Builder shutdownGrace(Duration grace) {
      Objects.requireNonNull(grace, "grace == null");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("shutdownGrace must not be negative");
      }
      this.shutdownGrace = grace;
      return this;
    }

    /** Prefixes every tool name (for two servers in one agent); empty by default. */
    public Builder toolPrefix(String prefix) {
      new ToolNames(Objects.requireNonNull(prefix, "prefix == null"));
      this.toolPrefix = prefix;
      return this;
    }

    /** Offers the server's resources to the model as list and read tools; off by default. */
    public Builder resourceTools(boolean enabled) {
      this.resourceTools = enabled;
      return this;
    }

    /**
     * Lets tools the server marks {@code readOnlyHint} (and not destructive) run without asking; on
     * by default. Off, every tool of the server asks unless the policy says otherwise.
     */
    public Builder trustReadOnlyHints(boolean trust) {
      this.trustReadOnlyHints = trust;
      return this;
    }

    /** Sets the largest message accepted from the server; 4 MiB by default. */
    public Builder maxMessageBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxMessageBytes must be >= 1024");
      }
      this.maxMessageBytes = bytes;
      return this;
    }

    /** Sets the most characters of a tool result or resource handed on; 64,000 by default. */
    public Builder maxResultChars(int chars) {
      if (chars < 200) {
        throw new IllegalArgumentException("maxResultChars must be >= 200");
      }
      this.maxResultChars = chars;
      return this;
    }

    /** Shares a redactor, so that results and errors mask every secret it knows. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor == null");
      if (bearerToken != null) {
        redactor.register(bearerToken);
      }
      return this;
    }

    /**
     * Starts or connects to the server and initializes the session.
     *
     * @throws IllegalStateException when neither a command nor a URL was set
     * @throws McpException when the server cannot be started or reached, or fails initialization
     */
    public McpClient build() {
      ClientOptions options =
          new ClientOptions(
              requestTimeout,
              toolPrefix,
              resourceTools,
              trustReadOnlyHints,
              maxResultChars,
              redactor);
      if (url != null) {
        return new McpClient(httpTransport(url), options, false);
      }
      if (command.isEmpty()) {
        throw new IllegalStateException("set command(...) or url(...)");
      }
      StdioTransport stdio =
          new StdioTransport(
              command,
              StdioTransport.environment(System.getenv(), inherited, environment),
              workingDirectory,
              maxMessageBytes,
              redactor,
              shutdownGrace,
              shutdownGrace);
      return new McpClient(stdio, options, true);
    }

    private StreamableHttpTransport httpTransport(HttpUrl endpoint) {
      HttpTransport.Builder http =
          HttpTransport.builder("mcp")
              .redactor(redactor)
              .retryPolicy(RetryPolicy.none())
              .maxEventBytes(maxMessageBytes)
              .maxResponseBytes(maxMessageBytes * 4L);
      if (httpClient != null) {
        http.client(httpClient);
      }
      return new StreamableHttpTransport(
          endpoint, http.build(), true, bearerToken, requestTimeout, maxMessageBytes);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
