/**
 * Path confinement and argument reading for the tools of this module (the shell tool's working
 * directory, the docs tools' files); not API.
 */
@NonNullByDefault
package dev.codexcontinue.plugins.docs.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
