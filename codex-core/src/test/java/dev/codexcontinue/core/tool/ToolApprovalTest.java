package dev.codexcontinue.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codexcontinue.api.ToolCall;
import dev.codexcontinue.api.ToolContext;
import dev.codexcontinue.api.ToolPermission;
import dev.codexcontinue.api.ToolResult;
import dev.codexcontinue.core.internal.Json;
import dev.codexcontinue.core.tool.ToolExecution.Outcome;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RELIABILITY 22: the approver sees the exact immutable call that runs; denials run nothing. */
@Timeout(30)
final class ToolApprovalTest {
  private final RecordingTool shell = RecordingTool.shell(ToolPermission.ASK);

  private ToolExecutor executor(ToolApprover approver) {
    return ToolExecutor.builder().addTool(shell).approver(approver).build();
  }

  @Test
  void execute_modelArgumentsMutatedAfterApproval_runsTheApprovedSnapshot() throws Exception {
    Map<String, Object> modelArguments = new LinkedHashMap<>();
    modelArguments.put("cmd", "ls -la");
    ToolCall call = ToolCall.of("c1", "shell", Json.write(modelArguments));
    AtomicReference<ToolInvocation> approved = new AtomicReference<>();
    AtomicReference<Throwable> treeMutation = new AtomicReference<>();
    ToolApprover approver =
        invocation -> {
          approved.set(invocation);
          // The "model" (or anyone holding its objects) changes the arguments after review.
          modelArguments.put("cmd", "rm -rf /");
          try {
            invocation.argumentsTree().put("cmd", "rm -rf /");
          } catch (UnsupportedOperationException e) {
            treeMutation.set(e);
          }
          return ApprovalDecision.APPROVE;
        };

    ToolExecution execution = executor(approver).execute(call, ToolContext.none());

    ToolInvocation snapshot = approved.get();
    assertThat(execution.outcome()).isEqualTo(Outcome.EXECUTED);
    assertThat(treeMutation.get()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(snapshot.argumentsTree()).containsExactly(Map.entry("cmd", "ls -la"));
    assertThat(snapshot.description()).isEqualTo("ls -la");
    assertThat(shell.calls()).hasSize(1);
    ToolCall executed = shell.calls().get(0);
    assertThat(executed.arguments()).isEqualTo(snapshot.arguments());
    assertThat(Json.mapper().readValue(executed.arguments(), Map.class))
        .isEqualTo(Map.of("cmd", "ls -la"));
    assertThat(executed).isEqualTo(snapshot.toCall());
    assertThat(executed.id()).isEqualTo("c1");
  }

  @Test
  void execute_obfuscatedArguments_approverSeesTheCanonicalCallThatRuns() {
    AtomicReference<ToolInvocation> approved = new AtomicReference<>();
    ToolCall call = ToolCall.of("c1", "shell", "{ \"cmd\" :\n \"\\u0072m x\" }");

    executor(
            invocation -> {
              approved.set(invocation);
              return ApprovalDecision.APPROVE;
            })
        .execute(call, ToolContext.none());

    assertThat(approved.get().arguments()).isEqualTo("{\"cmd\":\"rm x\"}");
    assertThat(approved.get().description()).isEqualTo("rm x");
    assertThat(shell.calls()).extracting(ToolCall::arguments).containsExactly("{\"cmd\":\"rm x\"}");
  }

  @Test
  void execute_nestedArgumentTree_isDeeplyImmutable() {
    RecordingTool tool =
        RecordingTool.withPath("t", ToolPermission.ASK).withSchema("{\"type\":\"object\"}");
    AtomicReference<ToolInvocation> approved = new AtomicReference<>();
    ToolExecutor executor =
        ToolExecutor.builder()
            .addTool(tool)
            .approver(
                invocation -> {
                  approved.set(invocation);
                  return ApprovalDecision.DENY;
                })
            .build();

    executor.execute(ToolCall.of("c", "t", "{\"a\":{\"b\":[1,{\"c\":null}]}}"), ToolContext.none());

    Map<String, Object> tree = approved.get().argumentsTree();
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) tree.get("a");
    @SuppressWarnings("unchecked")
    List<Object> b = (List<Object>) a.get("b");
    assertThat(b.get(0)).isEqualTo(1);
    assertThat(b.get(1)).isEqualTo(Collections.singletonMap("c", null));
    assertThatThrownBy(() -> a.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> b.add(2)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(tool.executions()).isZero();
  }

  @Test
  void execute_approverDenies_runsNothingAndTellsTheModel() {
    ToolExecution execution =
        executor(ToolApprover.DENY_ALL)
            .execute(ToolCall.of("c1", "shell", "{\"cmd\":\"ls\"}"), ToolContext.none());

    assertThat(execution.outcome()).isEqualTo(Outcome.DENIED_BY_USER);
    assertThat(execution.result().content()).isEqualTo("denied by user");
    assertThat(execution.result().isError()).isTrue();
    assertThat(shell.executions()).isZero();
  }

  @Test
  void execute_defaultApprover_deniesAskCalls() {
    ToolExecutor executor = ToolExecutor.builder().addTool(shell).build();

    ToolExecution execution =
        executor.execute(ToolCall.of("c1", "shell", "{\"cmd\":\"ls\"}"), ToolContext.none());

    assertThat(execution.outcome()).isEqualTo(Outcome.DENIED_BY_USER);
    assertThat(shell.executions()).isZero();
  }

  @Test
  void execute_approverTimesOut_isDeniedAndTheApproverInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    ToolApprover slow =
        invocation -> {
          try {
            new CountDownLatch(1).await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          return ApprovalDecision.APPROVE;
        };
    ToolExecutor executor =
        ToolExecutor.builder()
            .addTool(shell)
            .approver(slow)
            .approvalTimeout(Duration.ofMillis(100))
            .build();

    ToolExecution execution =
        executor.execute(ToolCall.of("c1", "shell", "{\"cmd\":\"ls\"}"), ToolContext.none());

    assertThat(execution.outcome()).isEqualTo(Outcome.DENIED_BY_USER);
    assertThat(execution.result().content()).isEqualTo("denied by user");
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(shell.executions()).isZero();
  }

  @Test
  void execute_approverThrowsOrReturnsNull_isDenied() {
    ToolApprover throwing =
        invocation -> {
          throw new IllegalStateException("dialog crashed");
        };
    ToolApprover answeringNull = invocation -> null;
    ToolCall call = ToolCall.of("c1", "shell", "{\"cmd\":\"ls\"}");

    assertThat(executor(throwing).execute(call, ToolContext.none()).outcome())
        .isEqualTo(Outcome.DENIED_BY_USER);
    assertThat(executor(answeringNull).execute(call, ToolContext.none()).outcome())
        .isEqualTo(Outcome.DENIED_BY_USER);
    assertThat(shell.executions()).isZero();
  }

  @Test
  void execute_allowedCall_neverAsksTheApprover() {
    AtomicInteger asked = new AtomicInteger();
    ToolExecutor executor =
        ToolExecutor.builder()
            .addTool(shell)
            .policy(ToolPolicy.builder().allow("shell(ls*)").build())
            .approver(
                invocation -> {
                  asked.incrementAndGet();
                  return ApprovalDecision.DENY;
                })
            .build();

    ToolExecution ls =
        executor.execute(ToolCall.of("c1", "shell", "{\"cmd\":\"ls\"}"), ToolContext.none());
    ToolExecution rm =
        executor.execute(ToolCall.of("c2", "shell", "{\"cmd\":\"rm x\"}"), ToolContext.none());

    assertThat(ls.outcome()).isEqualTo(Outcome.EXECUTED);
    assertThat(rm.outcome()).isEqualTo(Outcome.DENIED_BY_USER);
    assertThat(asked).hasValue(1);
  }

  @Test
  void executeAll_asksOneAtATimeInCallOrderBeforeAnythingRuns() {
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicInteger reviewing = new AtomicInteger();
    AtomicInteger maxReviewing = new AtomicInteger();
    RecordingTool logged =
        RecordingTool.shell(ToolPermission.ASK)
            .withAnswer(
                c -> {
                  events.add("run " + c.id());
                  return ToolResult.of("ran");
                });
    ToolApprover approver =
        invocation -> {
          maxReviewing.accumulateAndGet(reviewing.incrementAndGet(), Math::max);
          events.add("review " + invocation.callId());
          reviewing.decrementAndGet();
          return invocation.description().startsWith("rm")
              ? ApprovalDecision.DENY
              : ApprovalDecision.APPROVE;
        };
    ToolExecutor executor = ToolExecutor.builder().addTool(logged).approver(approver).build();

    List<ToolExecution> executions =
        executor.executeAll(
            List.of(
                ToolCall.of("c1", "shell", "{\"cmd\":\"ls\"}"),
                ToolCall.of("c2", "shell", "{\"cmd\":\"rm x\"}"),
                ToolCall.of("c3", "shell", "{\"cmd\":\"pwd\"}")),
            ToolContext.none());

    assertThat(executions)
        .extracting(ToolExecution::outcome)
        .containsExactly(Outcome.EXECUTED, Outcome.DENIED_BY_USER, Outcome.EXECUTED);
    assertThat(events.subList(0, 3)).containsExactly("review c1", "review c2", "review c3");
    assertThat(events.subList(3, 5)).containsExactlyInAnyOrder("run c1", "run c3");
    assertThat(maxReviewing).hasValue(1);
  }

  @Test
  void executeAll_cancelledDuringReview_asksNoMoreAndRunsNothing() {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicInteger asked = new AtomicInteger();
    ToolApprover approver =
        invocation -> {
          asked.incrementAndGet();
          cancelled.set(true);
          return ApprovalDecision.APPROVE;
        };

    List<ToolExecution> executions =
        executor(approver)
            .executeAll(
                List.of(
                    ToolCall.of("c1", "shell", "{\"cmd\":\"ls\"}"),
                    ToolCall.of("c2", "shell", "{\"cmd\":\"pwd\"}")),
                ToolContext.builder().cancelled(cancelled::get).build());

    assertThat(executions)
        .extracting(ToolExecution::outcome)
        .containsExactly(Outcome.CANCELLED, Outcome.CANCELLED);
    assertThat(asked).hasValue(1);
    assertThat(shell.executions()).isZero();
  }

  @Test
  void execute_invocationCarriesUserAndSession() {
    AtomicReference<ToolInvocation> approved = new AtomicReference<>();
    ToolExecutor executor =
        executor(
            invocation -> {
              approved.set(invocation);
              return ApprovalDecision.DENY;
            });

    executor.execute(
        ToolCall.of("c9", "shell", "{\"cmd\":\"ls\"}"),
        ToolContext.builder().userId("u1").sessionId("s1").build());

    ToolInvocation invocation = approved.get();
    assertThat(invocation.toolName()).isEqualTo("shell");
    assertThat(invocation.callId()).isEqualTo("c9");
    assertThat(invocation.userId()).contains("u1");
    assertThat(invocation.sessionId()).contains("s1");
    assertThat(invocation.toString()).doesNotContain("ls");
  }
}
