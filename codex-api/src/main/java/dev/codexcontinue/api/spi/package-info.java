/**
 * ServiceLoader factories. A factory has a public no-argument constructor that does no I/O (the
 * loader instantiates every candidate), a stable lower-case {@code id()}, and creates the heavy
 * service only when asked. Register it in {@code META-INF/services/<factory interface>}.
 */
@NonNullByDefault
package dev.codexcontinue.api.spi;

import dev.codexcontinue.api.annotation.NonNullByDefault;
