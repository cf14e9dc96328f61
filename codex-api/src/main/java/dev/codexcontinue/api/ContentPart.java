package dev.codexcontinue.api;

/** One part of a message's content: text or an image. */
public sealed interface ContentPart permits TextPart, ImagePart {}
