/**
 * Finding providers, stores, tool plugins and template engines by id through {@link
 * java.util.ServiceLoader}. Discovery is a convenience on top of explicit wiring: every factory can
 * also be constructed directly. An unknown id is an error listing the known ones; two factories
 * with one id is an error naming both classes; a broken service entry is logged at WARN and
 * skipped.
 */
@NonNullByDefault
package dev.codexcontinue.core.discovery;

import dev.codexcontinue.api.annotation.NonNullByDefault;
