package dev.codexcontinue.core;

import dev.codexcontinue.core.trace.Span;
import dev.codexcontinue.core.trace.SpanEnd;
import dev.codexcontinue.core.trace.SpanKind;
import dev.codexcontinue.core.trace.SpanListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the spans an agent reports, in order, with their ends. */
final class RecordingSpans implements SpanListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<Span> started = new CopyOnWriteArrayList<>();
  final Map<String, SpanEnd> ends = new ConcurrentHashMap<>();

  @Override
  public void onStart(Span span) {
    events.add("start " + span.name());
    started.add(span);
  }

  @Override
  public void onEnd(Span span, SpanEnd end) {
    events.add("end " + span.name());
    if (ends.put(span.spanId(), end) != null) {
      throw new AssertionError("span ended twice: " + span);
    }
  }

  List<Span> ofKind(SpanKind kind) {
    return started.stream().filter(s -> s.kind() == kind).toList();
  }

  SpanEnd end(Span span) {
    SpanEnd end = ends.get(span.spanId());
    if (end == null) {
      throw new AssertionError("span never ended: " + span);
    }
    return end;
  }
}
