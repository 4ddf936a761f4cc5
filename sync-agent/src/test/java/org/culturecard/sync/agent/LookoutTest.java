package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookoutTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<Boolean> answers = new ArrayList<>();
    private int looks;
    private final Lookout lookout = new Lookout(scheduler, () -> {
        looks++;
        return !answers.isEmpty() && answers.remove(0);
    });

    @Test
    void hintsWhileALookIsQueuedMakeOneLook() {
        answers.add(true);

        lookout.hint();
        lookout.hint();
        lookout.hint();
        scheduler.runAll();

        assertThat(looks).isEqualTo(1);
        assertThat(scheduler.delays).isEmpty();
    }

    @Test
    void aLookThatFindsNothingIsRepeatedOnTheLadderUntilSomethingIsFound() {
        answers.addAll(List.of(false, false, false, true));

        lookout.hint();
        scheduler.runAll();

        assertThat(looks).isEqualTo(4);
        assertThat(scheduler.delays).containsExactly(1L, 2L, 4L);
    }

    @Test
    void givesUpAfterTheLastStepUntilTheNextHint() {
        lookout.hint();
        scheduler.runAll();

        assertThat(looks).isEqualTo(1 + Lookout.AGAIN_MILLIS.length);
        assertThat(scheduler.delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L);

        lookout.hint();
        scheduler.runAll();
        assertThat(looks).isEqualTo(2 * (1 + Lookout.AGAIN_MILLIS.length));
    }

    @Test
    void aFreshHintSupersedesTheStepsOfTheLastOne() {
        lookout.hint();
        scheduler.runNext(); // the first look finds nothing: a look again is scheduled
        assertThat(scheduler.delays).containsExactly(1L);

        lookout.hint(); // queued before the scheduled look runs
        answers.add(true);
        scheduler.runNext(); // the stale step: it does not look
        scheduler.runAll(); // the fresh look finds the row

        assertThat(looks).isEqualTo(2);
        assertThat(scheduler.delays).containsExactly(1L);
    }

    /** Runs posted and scheduled tasks in order when told, and remembers the delays asked for. */
    private static final class FakeScheduler implements Lookout.Scheduler {
        final Deque<Runnable> tasks = new ArrayDeque<>();
        final List<Long> delays = new ArrayList<>();

        @Override
        public void post(Runnable task) {
            tasks.add(task);
        }

        @Override
        public void later(long delayMillis, Runnable task) {
            delays.add(delayMillis);
            tasks.add(task);
        }

        void runNext() {
            tasks.poll().run();
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                runNext();
            }
        }
    }
}
