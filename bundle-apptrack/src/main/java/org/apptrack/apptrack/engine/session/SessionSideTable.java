package org.apptrack.apptrack.engine.session;

import org.apptrack.apptrack.api.SessionRoute;

/**
 * Per-session state that packets do not touch, addressed by the {@link SessionTable}'s session
 * index: what application identification found, the parent of a linked session. Kept apart so
 * that the session table's 128-byte block holds only what every packet reads and writes, and so
 * that a new attribute is a new array here, not a new layout there.
 *
 * <p>Sized with the session table, all memory allocated up front; not thread-safe (the engine's
 * thread owns it). {@link #reset(int)} gives a new session its defaults.
 */
public final class SessionSideTable {

    /** Whether the session's payload is encrypted is not known (yet). */
    public static final int ENCRYPTED_UNKNOWN = 0;
    public static final int ENCRYPTED_NO = 1;
    public static final int ENCRYPTED_YES = 2;
    /** How the application was found: not yet (inspection goes on, or nothing could tell). */
    public static final int IDENTIFIED_NOT_YET = 0;
    /** By the server port: a guess. */
    public static final int IDENTIFIED_BY_PORT = 1;
    /** By the application system cache (an earlier session to the same server). */
    public static final int IDENTIFIED_BY_CACHE = 2;
    /** By the session's own payload. */
    public static final int IDENTIFIED_BY_PAYLOAD = 3;
    /** By a rule of the operator's (a custom application's addresses and ports). */
    public static final int IDENTIFIED_BY_RULE = 4;
    /** By the published address ranges of the service the session goes to (the catalog's). */
    public static final int IDENTIFIED_BY_ADDRESS = 5;
    /** The largest application id a session can carry. */
    public static final int MAX_APPLICATION_ID = 0xFFFF;

    private final char[] application;
    private final char[] nestedApplication;
    /** Parent session + 1; 0: none. */
    private final int[] parent;
    private final byte[] encrypted;
    private final byte[] identifiedBy;
    /** The route the path selection gave the session (null: none), replaced whole, never modified. */
    private final SessionRoute[] route;

    public SessionSideTable(int maxSessions) {
        application = new char[maxSessions];
        nestedApplication = new char[maxSessions];
        parent = new int[maxSessions];
        encrypted = new byte[maxSessions];
        identifiedBy = new byte[maxSessions];
        route = new SessionRoute[maxSessions];
    }

    /** The defaults of a new session: unknown application, no parent, encryption unknown. */
    public void reset(int s) {
        application[s] = 0;
        nestedApplication[s] = 0;
        parent[s] = 0;
        encrypted[s] = ENCRYPTED_UNKNOWN;
        identifiedBy[s] = IDENTIFIED_NOT_YET;
        route[s] = null;
    }

    /** The application and nested application as one int: {@code application << 16 | nested}. */
    public int identification(int s) {
        return application[s] << 16 | nestedApplication[s];
    }

    /** The route path selection gave the session, or null (the default route). */
    public SessionRoute route(int s) {
        return route[s];
    }

    public void setRoute(int s, SessionRoute value) {
        route[s] = value;
    }

    /** The application id (0: unknown), in the classifier's catalog. */
    public int applicationId(int s) {
        return application[s];
    }

    public void setApplicationId(int s, int id) {
        application[s] = checkedId(id);
    }

    /** The application inside the application (YouTube inside HTTPS); 0: none known. */
    public int nestedApplicationId(int s) {
        return nestedApplication[s];
    }

    public void setNestedApplicationId(int s, int id) {
        nestedApplication[s] = checkedId(id);
    }

    /** {@link #ENCRYPTED_UNKNOWN}, {@link #ENCRYPTED_NO} or {@link #ENCRYPTED_YES}. */
    public int encrypted(int s) {
        return encrypted[s];
    }

    public void setEncrypted(int s, int value) {
        if (value < ENCRYPTED_UNKNOWN || value > ENCRYPTED_YES) {
            throw new IllegalArgumentException("encrypted must be 0, 1 or 2: " + value);
        }
        encrypted[s] = (byte) value;
    }

    /** {@link #IDENTIFIED_NOT_YET}, {@link #IDENTIFIED_BY_PORT}, {@link #IDENTIFIED_BY_CACHE}, {@link #IDENTIFIED_BY_PAYLOAD}, {@link #IDENTIFIED_BY_RULE} or {@link #IDENTIFIED_BY_ADDRESS}. */
    public int identifiedBy(int s) {
        return identifiedBy[s];
    }

    public void setIdentifiedBy(int s, int how) {
        if (how < IDENTIFIED_NOT_YET || how > IDENTIFIED_BY_ADDRESS) {
            throw new IllegalArgumentException("identifiedBy must be 0..5: " + how);
        }
        identifiedBy[s] = (byte) how;
    }

    /** The session this one was linked under (e.g. FTP data under FTP control), or -1. */
    public int parent(int s) {
        return parent[s] - 1;
    }

    /** Links session {@code s} under {@code p} (-1: no parent); the caller keeps links consistent. */
    public void setParent(int s, int p) {
        parent[s] = p + 1;
    }

    /** Bytes these arrays take on the heap (array headers aside). */
    public long memoryBytes() {
        return application.length * (2L + 2 + 4 + 1 + 1 + 4); // route: a compressed reference
    }

    private static char checkedId(int id) {
        if (id < 0 || id > MAX_APPLICATION_ID) {
            throw new IllegalArgumentException("application id out of range 0.." + MAX_APPLICATION_ID + ": " + id);
        }
        return (char) id;
    }
}
