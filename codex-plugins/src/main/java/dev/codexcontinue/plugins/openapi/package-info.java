/**
 * OpenAPI operations as tools: an OpenAPI 3.0 or 3.1 document (JSON or YAML) becomes one tool per
 * operation, whose argument schema comes from the operation's parameters and JSON request body.
 * Calls go only to the document's servers (or a configured allowlist) through the SSRF guard of
 * {@link dev.codexcontinue.plugins.net}; GET and HEAD are allowed by default, every other method
 * asks for approval, showing the approver the method, URL and body.
 */
@NonNullByDefault
package dev.codexcontinue.plugins.openapi;

import dev.codexcontinue.api.annotation.NonNullByDefault;
