/**
 * The conversation log of an agent: every turn (the user's message, each model response, each tool
 * execution, the stop reason, the end) appended to checksummed JSON Lines files, durable by the
 * chosen {@link dev.codexcontinue.core.log.Durability}, recovered after a crash, with one writer
 * per agent. {@link dev.codexcontinue.core.log.ConversationLogReader} lists and replays the
 * conversations.
 */
@NonNullByDefault
package dev.codexcontinue.core.log;

import dev.codexcontinue.api.annotation.NonNullByDefault;
