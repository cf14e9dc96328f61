/** A tool plugin of your own, registered through {@code ServiceLoader} and discovered by id. */
@NonNullByDefault
package dev.codexcontinue.examples.customtool;

import dev.codexcontinue.api.annotation.NonNullByDefault;
