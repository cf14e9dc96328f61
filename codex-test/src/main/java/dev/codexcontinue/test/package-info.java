/**
 * The test kit: {@link dev.codexcontinue.test.ScriptedProvider}, a provider that answers from a
 * script and records every request, and {@link
 * dev.codexcontinue.test.AbstractProviderContractTest}, the behaviour every provider must show.
 */
@NonNullByDefault
package dev.codexcontinue.test;

import dev.codexcontinue.api.annotation.NonNullByDefault;
