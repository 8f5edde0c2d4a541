package org.apptrack.tool.accuracy;

/**
 * The session of ours that stands for an nDPI flow.
 *
 * @param session the representative session ({@link FlowMatcher}); null when we have none
 * @param sessions how many of our sessions the flow's packets made (more than one: split)
 */
record FlowMatch(SessionRecord session, int sessions) {

    static final FlowMatch NONE = new FlowMatch(null, 0);

    boolean missing() {
        return session == null;
    }
}
