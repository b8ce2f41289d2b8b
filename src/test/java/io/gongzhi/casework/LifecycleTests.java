package io.gongzhi.casework;

import io.gongzhi.casework.internal.Lifecycle;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The loop's table on its own: what it allows, and that every state is reachable and every open case can still end. */
class LifecycleTests {

    record Node(CaseState state, Pending pending) {
    }

    @Test
    void theDrawnPathsAndNoOthers() {
        assertThat(Lifecycle.next(CaseState.REPORTED, Pending.NONE, CaseAction.ACCEPT)).contains(CaseState.ACCEPTED);
        assertThat(Lifecycle.next(CaseState.REPORTED, Pending.NONE, CaseAction.DISPATCH)).isEmpty();
        assertThat(Lifecycle.next(CaseState.HANDLING, Pending.RETURN, CaseAction.FEEDBACK)).as("a return is pending").isEmpty();
        assertThat(Lifecycle.next(CaseState.HANDLING, Pending.EXTENSION, CaseAction.FEEDBACK)).contains(CaseState.FED_BACK);
        assertThat(Lifecycle.pendingAfter(Pending.EXTENSION, CaseAction.FEEDBACK)).as("done work settles the request").isEqualTo(Pending.NONE);
        assertThat(Lifecycle.next(CaseState.DISPATCHED, Pending.RETURN, CaseAction.APPROVE_RETURN)).contains(CaseState.ACCEPTED);
        assertThat(Lifecycle.next(CaseState.FED_BACK, Pending.NONE, CaseAction.REWORK)).contains(CaseState.HANDLING);
        assertThat(Lifecycle.next(CaseState.CLOSED, Pending.NONE, CaseAction.REOPEN)).contains(CaseState.HANDLING);
        for (CaseState end : List.of(CaseState.REJECTED, CaseState.MERGED)) {
            for (CaseAction a : CaseAction.values()) {
                assertThat(Lifecycle.next(end, Pending.NONE, a)).as(end + " " + a).isEmpty();
            }
        }
    }

    @Test
    void everyStateIsReachableAndEveryOpenCaseCanStillBeFinished() {
        var seen = new HashSet<Node>();
        var queue = new ArrayDeque<Node>(List.of(new Node(CaseState.REPORTED, Pending.NONE)));
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (!seen.add(n)) {
                continue;
            }
            for (CaseAction a : CaseAction.values()) {
                Lifecycle.next(n.state(), n.pending(), a).ifPresent(to -> queue.add(new Node(to, Lifecycle.pendingAfter(n.pending(), a))));
            }
        }
        Set<CaseState> states = EnumSet.noneOf(CaseState.class);
        seen.forEach(n -> states.add(n.state()));
        assertThat(states).containsExactlyInAnyOrder(CaseState.values());
        for (Node n : seen) {
            if (n.pending() != Pending.NONE) {
                assertThat(n.state()).as("a request waits only on work in hand").isIn(CaseState.DISPATCHED, CaseState.HANDLING);
            }
            assertThat(canFinish(n)).as(n + " can still be closed, rejected or merged").isTrue();
        }
    }

    private static boolean canFinish(Node start) {
        var seen = new HashSet<Node>();
        var queue = new ArrayDeque<Node>(List.of(start));
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (!n.state().open()) {
                return true;
            }
            if (!seen.add(n)) {
                continue;
            }
            for (CaseAction a : CaseAction.values()) {
                Lifecycle.next(n.state(), n.pending(), a).ifPresent(to -> queue.add(new Node(to, Lifecycle.pendingAfter(n.pending(), a))));
            }
        }
        return false;
    }
}
