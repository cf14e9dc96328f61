/**
 * The TabbyML provider: code completion ({@code /v1/completions}) with acceptance events ({@link
 * dev.codexcontinue.provider.tabby.TabbyEvents}), the server's health as a typed description
 * ({@link dev.codexcontinue.provider.tabby.TabbyServerInfo}), and chat through Tabby's chat
 * endpoint. Start from {@link dev.codexcontinue.provider.tabby.TabbyProvider#builder()}, or let
 * {@code ServiceLoader} find {@link dev.codexcontinue.provider.tabby.TabbyProviderFactory} (id
 * {@code tabby}).
 *
 * <p>Every type here is thread-safe and immutable unless it says otherwise; nothing returns {@code
 * null}.
 */
@NonNullByDefault
package dev.codexcontinue.provider.tabby;

import dev.codexcontinue.api.annotation.NonNullByDefault;
