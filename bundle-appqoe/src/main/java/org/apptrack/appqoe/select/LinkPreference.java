package org.apptrack.appqoe.select;

import java.util.Objects;

/** A preferred link tag with its affinity; {@link #NONE} when the rule prefers no tag. */
public final class LinkPreference {

    public static final LinkPreference NONE = new LinkPreference("", Affinity.LOOSE);

    private final String preferredTag;
    private final Affinity affinity;

    public LinkPreference(String preferredTag, Affinity affinity) {
        this.preferredTag = preferredTag == null ? "" : preferredTag;
        this.affinity = Objects.requireNonNull(affinity, "link-preference affinity");
        if (affinity == Affinity.STRICT && this.preferredTag.isEmpty()) {
            throw new IllegalArgumentException("link-preference: strict affinity needs a preferred-link-tag");
        }
    }

    public String preferredTag() {
        return preferredTag;
    }

    public Affinity affinity() {
        return affinity;
    }

    /** Whether the path carries the preferred tag (false when no tag is preferred). */
    public boolean prefers(Path path) {
        return !preferredTag.isEmpty() && preferredTag.equals(path.linkTag());
    }

    /** Whether the path may be chosen at all (strict affinity filters out other tags). */
    public boolean allows(Path path) {
        return affinity != Affinity.STRICT || prefers(path);
    }

    @Override
    public String toString() {
        return preferredTag.isEmpty() ? "no preference" : preferredTag + " " + affinity.name().toLowerCase();
    }
}
