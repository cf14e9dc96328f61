package dev.codexcontinue.plugins.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The guard checks whatever it returns; tests inject one to stage
 * DNS answers (rebinding) without a name server.
 */
@FunctionalInterface
public interface HostResolver {
  /** Resolves with the JVM's resolver ({@link InetAddress#getAllByName}). */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /**
   * Returns the addresses of {@code host}, never empty.
   *
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
