/**
 * The OpenTelemetry bridge: {@link dev.codexcontinue.otel.OpenTelemetrySpanListener} turns the
 * spans an agent reports into OpenTelemetry spans with the GenAI semantic conventions ({@code
 * gen_ai.*}).
 */
@NonNullByDefault
package dev.codexcontinue.otel;

import dev.codexcontinue.api.annotation.NonNullByDefault;
