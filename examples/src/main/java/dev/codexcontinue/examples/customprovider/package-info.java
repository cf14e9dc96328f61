/** A provider of your own, registered through {@code ServiceLoader} and discovered by id. */
@NonNullByDefault
package dev.codexcontinue.examples.customprovider;

import dev.codexcontinue.api.annotation.NonNullByDefault;
