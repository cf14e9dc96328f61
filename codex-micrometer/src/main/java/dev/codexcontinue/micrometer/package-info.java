/**
 * The Micrometer bridge: {@link dev.codexcontinue.micrometer.MicrometerAgentMetrics} records the
 * spans an agent reports and the retries its providers make as Micrometer meters.
 */
@NonNullByDefault
package dev.codexcontinue.micrometer;

import dev.codexcontinue.api.annotation.NonNullByDefault;
