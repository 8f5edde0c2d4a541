package org.apptrack.apptrack.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * Which sessions are children of which (FTP data under its FTP control session, media under
 * its signalling session), so that a parent's close also closes its children with reason
 * "parent closed". Each child records its parent in the side table; this keeps the other
 * direction, parent to children, for the close. Links are made once per child session by
 * application identification, never per packet, so a plain map is enough; with no links at all
 * a close costs one {@link #isEmpty()} test.
 *
 * <p>Parents are keyed by session index: a parent's entry is removed when it closes, before any
 * session index can be reused, so an index here always names the session that was linked.
 * Families are at most {@value #MAX_DEPTH} generations deep, a bound on the cascade of closes.
 */
final class SessionFamilies {

    /** Generations a family may have: a parent, its children, their children, ... */
    static final int MAX_DEPTH = 8;
    private static final int[] NONE = new int[0];

    private final SessionTable table;
    private final SessionSideTable side;
    /** Parent session index to its children (the first {@code count} of the array). */
    private final Map<Integer, Children> children = new HashMap<>();

    private static final class Children {
        int[] sessions = new int[2];
        int count;
    }

    SessionFamilies(SessionTable table, SessionSideTable side) {
        this.table = table;
        this.side = side;
    }

    /**
     * Links {@code child} under {@code parent}.
     *
     * @return false, changing nothing, when either session is not open, they are the same
     *     session, the child already has a parent, the parent descends from the child, or the
     *     family would be too deep
     */
    boolean link(int child, int parent) {
        if (child == parent || !table.isLive(child) || !table.isLive(parent) || side.parent(child) >= 0) {
            return false;
        }
        int depth = 1;
        for (int a = parent; a >= 0; a = side.parent(a)) {
            if (a == child || ++depth > MAX_DEPTH) {
                return false;
            }
        }
        side.setParent(child, parent);
        add(parent, child);
        return true;
    }

    /**
     * Session {@code s} closes: its parent stops listing it, and its children close "parent
     * closed" right after it (and theirs after them), at the same time, in the order they were
     * linked. Called before {@code s} leaves the table, so that no index of the family can be
     * reused while the children close.
     */
    void sessionClosing(int s, long atNanos, SessionAging.Closer closer) {
        if (children.isEmpty()) {
            return;
        }
        int parent = side.parent(s);
        if (parent >= 0) {
            removeChild(parent, s);
        }
        for (int child : removeParent(s)) {
            side.setParent(child, -1);
            closer.close(child, CloseReason.PARENT_CLOSED, atNanos);
        }
    }

    boolean isEmpty() {
        return children.isEmpty();
    }

    private void add(int parent, int child) {
        Children c = children.computeIfAbsent(parent, p -> new Children());
        if (c.count == c.sessions.length) {
            c.sessions = Arrays.copyOf(c.sessions, c.count * 2);
        }
        c.sessions[c.count++] = child;
    }

    /** A child closed before its parent: the parent no longer lists it. */
    private void removeChild(int parent, int child) {
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
    private int[] removeParent(int parent) {
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
