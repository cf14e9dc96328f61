package dev.codexcontinue.plugins.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A resolver that answers from a script, one answer per lookup per name (the last answer repeats),
 * and records every name it was asked: DNS rebinding without a name server.
 */
public final class StagedResolver implements HostResolver {
  private final Map<String, Deque<List<InetAddress>>> answers = new ConcurrentHashMap<>();
  private final List<String> lookups = new CopyOnWriteArrayList<>();

  /** Adds the next answer for {@code host}. */
  public StagedResolver answer(String host, String... addresses) {
    List<InetAddress> list = java.util.Arrays.stream(addresses).map(StagedResolver::parse).toList();
    answers.computeIfAbsent(host, h -> new ArrayDeque<>()).add(list);
    return this;
  }

  /** Returns every name looked up, in order. */
  public List<String> lookups() {
    return List.copyOf(lookups);
  }

  @Override
  public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
    lookups.add(host);
    Deque<List<InetAddress>> queue = answers.get(host);
    if (queue == null || queue.isEmpty()) {
      throw new UnknownHostException(host);
    }
    return queue.size() > 1 ? queue.poll() : queue.peek();
  }

  private static InetAddress parse(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
