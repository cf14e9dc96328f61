/** How the SSRF guard is built and plugged into OkHttp; no compatibility promise. */
@NonNullByDefault
package dev.codexcontinue.plugins.net.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
