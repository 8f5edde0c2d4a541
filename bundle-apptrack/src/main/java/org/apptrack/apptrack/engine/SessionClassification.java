package org.apptrack.apptrack.engine;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.classify.ApplicationClassifier;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * The engine's side of the classifier seam: a new session goes to the classifier; one it wants
 * to inspect gets a {@link ClassificationPool} slot (or, with every slot taken, is counted and
 * keeps what its first packet told), and its packets go to the classifier with that state until
 * it has its answer or the session closes, when the slot is given back.
 */
final class SessionClassification {

    private final ApplicationClassifier classifier;
    private final ClassificationPool pool;
    private final SessionTable table;
    private final EngineCounters counters;

    SessionClassification(ApplicationClassifier classifier, ClassificationPool pool, SessionTable table,
                          EngineCounters counters) {
        this.classifier = classifier;
        this.pool = pool;
        this.table = table;
        this.counters = counters;
    }

    void sessionCreated(int s) {
        if (!classifier.sessionCreated(s)) {
            return;
        }
        int slot = pool.acquire();
        if (slot < 0) {
            counters.increment(EngineCounter.NOT_CLASSIFIED_POOL_FULL);
            return;
        }
        table.setClassificationSlot(s, slot);
    }

    /**
     * A packet of session {@code s}, already counted in it.
     *
     * @return whether the classifier inspected it (and so may have changed the application)
     */
    boolean packet(int s, boolean fromClient, ByteBuffer frame, int payloadOffset, int payloadLength) {
        int slot = table.classificationSlot(s);
        if (slot < 0) {
            return false;
        }
        if (!classifier.inspect(s, pool.state(slot), fromClient, frame, payloadOffset, payloadLength)) {
            end(s, slot);
        }
        return true;
    }

    /** Session {@code s} closes (before its close is reported): its slot, if it still has one, is free again. */
    void sessionClosing(int s) {
        int slot = table.classificationSlot(s);
        if (slot >= 0) {
            classifier.sessionClosing(s, pool.state(slot));
            end(s, slot);
        }
    }

    private void end(int s, int slot) {
        table.setClassificationSlot(s, -1);
        pool.release(slot);
    }

    ApplicationClassifier classifier() {
        return classifier;
    }

    ClassificationPool pool() {
        return pool;
    }
}
