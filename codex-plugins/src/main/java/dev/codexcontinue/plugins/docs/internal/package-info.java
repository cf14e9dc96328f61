/**
 * Implementation of the docs tools (path confinement, text reading, chunking, the tools themselves)
 * and the confinement and argument helpers the shell tool shares; not API.
 */
@NonNullByDefault
package dev.codexcontinue.plugins.docs.internal;

import dev.codexcontinue.api.annotation.NonNullByDefault;
