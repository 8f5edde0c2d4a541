package org.apptrack.apptrack.engine.classify;

/** Links a child session under its parent (see {@code AppTrackEngine#linkToParent}). */
@FunctionalInterface
public interface SessionLinker {

    /**
     * @return whether the link was made (false: a session is not open, the child already has a
     *     parent, or the link would make a cycle or too deep a family)
     */
    boolean linkToParent(int child, int parent);
}
