package dev.codexcontinue.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A host application can use codex-api and codex-core with nothing but jackson-databind and
 * slf4j-api on its class path: the runtime class path Maven resolves for codex-core is exactly
 * that, and an agent runs in a class loader that holds only those jars.
 */
final class HostClassPathTest {
  private static final Pattern ARTIFACT = Pattern.compile("(.+?)-\\d[\\w.-]*\\.jar");

  private static List<Path> runtimeClassPath() throws Exception {
    String text = Files.readString(Path.of(System.getProperty("codex.runtime.classpath"))).strip();
    List<Path> entries = new ArrayList<>();
    for (String entry : text.split(File.pathSeparator)) {
      entries.add(Path.of(entry));
    }
    return entries;
  }

  private static String artifactOf(Path entry) {
    String name = entry.getFileName().toString();
    if (entry.toString().contains("codex-api")) {
      return "codex-api";
    }
    Matcher m = ARTIFACT.matcher(name);
    return m.matches() ? m.group(1) : name;
  }

  @Test
  void runtimeClassPath_isApiJacksonAndSlf4jOnly() throws Exception {
    Set<String> artifacts = new java.util.TreeSet<>();
    for (Path p : runtimeClassPath()) {
      artifacts.add(artifactOf(p));
    }
    assertThat(artifacts)
        .containsExactlyInAnyOrder(
            "codex-api", "jackson-databind", "jackson-core", "jackson-annotations", "slf4j-api");
  }

  @Test
  void agent_runsInAClassLoaderWithOnlyThoseJars() throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(Path.of(System.getProperty("codex.main.classes")).toUri().toURL());
    for (Path p : runtimeClassPath()) {
      urls.add(p.toUri().toURL());
    }
    try (URLClassLoader host =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> providerType = host.loadClass("dev.codexcontinue.api.Provider");
      Object provider =
          Proxy.newProxyInstance(
              host, new Class<?>[] {providerType}, (proxy, method, args) -> answer(host, method));
      Class<?> agentType = host.loadClass("dev.codexcontinue.core.Agent");
      Object builder = agentType.getMethod("builder").invoke(null);
      builder.getClass().getMethod("provider", providerType).invoke(builder, provider);
      Object agent = builder.getClass().getMethod("build").invoke(builder);
      Class<?> requestType = host.loadClass("dev.codexcontinue.core.AgentRequest");
      Object request =
          requestType.getMethod("of", String.class, String.class).invoke(null, "s", "hi");
      Object reply = agentType.getMethod("chat", requestType).invoke(agent, request);
      assertThat(reply.getClass().getMethod("text").invoke(reply))
          .isEqualTo("hello from an isolated host");
      agentType.getMethod("close").invoke(agent);
      assertThat(agentType.getClassLoader()).isSameAs(host);
    }
  }

  /** Answers the provider calls the agent makes, using the isolated loader's own types. */
  private static Object answer(ClassLoader host, Method method) throws Exception {
    switch (method.getName()) {
      case "id":
        return "isolated";
      case "capabilities":
        return Set.of();
      case "close":
        return null;
      case "chatAsync":
        Object message =
            host.loadClass("dev.codexcontinue.api.ChatMessage")
                .getMethod("assistant", String.class)
                .invoke(null, "hello from an isolated host");
        Class<?> responseType = host.loadClass("dev.codexcontinue.api.ChatResponse");
        Object builder = responseType.getMethod("builder").invoke(null);
        builder.getClass().getMethod("message", message.getClass()).invoke(builder, message);
        return CompletableFuture.completedFuture(
            builder.getClass().getMethod("build").invoke(builder));
      default:
        throw new UnsupportedOperationException("the agent called " + method.getName());
    }
  }
}
