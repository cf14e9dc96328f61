/** Tools with JSON schemas under a policy (allow, ask, deny) and an approver. */
@NonNullByDefault
package dev.codexcontinue.examples.tools;

import dev.codexcontinue.api.annotation.NonNullByDefault;
