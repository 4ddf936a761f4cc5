package org.culturecard.sync.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** A {@link Link} for unit tests: up or down as the test says, keeps what is published and refused. */
final class FakeLink implements Link {
    /** One publish, answered when the test calls {@link #answer}. */
    record Published(String topic, byte[] payload, boolean retained, IntConsumer accepted) {
        void answer(int reasonCode) {
            accepted.accept(reasonCode);
        }
    }

    final List<Published> published = new ArrayList<>();
    final List<String> refusals = new ArrayList<>();
    boolean up = true;
    /** What happens on a publish that fails at once: the connection drops (the session's job). */
    Runnable onPublish = () -> { };

    @Override
    public boolean isUp() {
        return up;
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained, IntConsumer accepted) {
        published.add(new Published(topic, payload, retained, accepted));
        onPublish.run();
    }

    @Override
    public void refused(String doing, int reasonCode) {
        up = false;
        refusals.add(doing + " " + reasonCode);
    }

    Published last() {
        return published.get(published.size() - 1);
    }
}
