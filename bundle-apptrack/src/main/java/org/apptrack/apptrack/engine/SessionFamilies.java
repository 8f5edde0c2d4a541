package org.apptrack.apptrack.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which sessions are children of which (FTP data under its FTP control session, media under
 * its signalling session), so that a parent's close also closes its children with reason
 * "parent closed". Each child records its parent in the session table; this keeps the other
 * direction, parent to children, for the close. Links are made once per child session by
 * application identification, never per packet, so a plain map is enough; with no links at all
 * a close costs one {@link #isEmpty()} test.
 *
 * <p>Parents are keyed by session index: a parent's entry is removed when it closes, before any
 * session index can be reused, so an index here always names the session that was linked.
 */
final class SessionFamilies {

    private static final int[] NONE = new int[0];

    /** Parent session index to its children (the first {@code count} of the array). */
    private final Map<Integer, Children> children = new HashMap<>();

    private static final class Children {
        int[] sessions = new int[2];
        int count;
    }

    boolean isEmpty() {
        return children.isEmpty();
    }

    void add(int parent, int child) {
        Children c = children.computeIfAbsent(parent, p -> new Children());
        if (c.count == c.sessions.length) {
            c.sessions = Arrays.copyOf(c.sessions, c.count * 2);
        }
        c.sessions[c.count++] = child;
    }

    /** A child closed before its parent: the parent no longer lists it. */
    void removeChild(int parent, int child) {
        Children c = children.get(parent);
        if (c == null) {
            return;
        }
        for (int i = 0; i < c.count; i++) {
            if (c.sessions[i] == child) {
                c.sessions[i] = c.sessions[--c.count];
                break;
            }
        }
        if (c.count == 0) {
            children.remove(parent);
        }
    }

    /** The parent closed: its children, which it no longer lists. */
    int[] removeParent(int parent) {
        Children c = children.remove(parent);
        return c == null ? NONE : Arrays.copyOf(c.sessions, c.count);
    }

    /** Children of a parent (a copy), for queries. */
    int[] childrenOf(int parent) {
        Children c = children.get(parent);
        return c == null ? NONE : Arrays.copyOf(c.sessions, c.count);
    }

    /** Sessions that have children. */
    int parents() {
        return children.size();
    }

    void clear() {
        children.clear();
    }
}
