/**
 * Web tools for agents: {@code web_search} through a pluggable {@link
 * dev.codexcontinue.plugins.web.SearchBackend} (SearxNG, Brave Search) and {@code web_fetch}, which
 * reads a page as text. Both only read, so they are allowed by default; every request passes the
 * SSRF guard of {@link dev.codexcontinue.plugins.net}, and what they return is untrusted text,
 * capped in size.
 */
@NonNullByDefault
package dev.codexcontinue.plugins.web;

import dev.codexcontinue.api.annotation.NonNullByDefault;
