/**
 * The SSRF guard shared by every tool of this module that speaks HTTP to a URL the model can
 * influence (web fetch, OpenAPI operations): only {@code http} and {@code https}; no loopback,
 * private, link-local (cloud metadata), shared, multicast or reserved address, whether it is
 * written as a literal in any notation or returned by DNS; every redirect hop checked again; and no
 * silent proxy, since a proxy resolves names where this guard cannot see them.
 */
@NonNullByDefault
package dev.codexcontinue.plugins.net;

import dev.codexcontinue.api.annotation.NonNullByDefault;
