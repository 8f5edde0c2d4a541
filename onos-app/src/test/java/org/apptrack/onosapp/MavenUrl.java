package org.apptrack.onosapp;

import java.nio.file.Path;

/** A Karaf {@code mvn:group/artifact/version[/type[/classifier]]} URL and its file in a Maven repository layout. */
final class MavenUrl {

    private final String group;
    private final String artifact;
    private final String version;
    private final String type;
    private final String classifier;

    private MavenUrl(String group, String artifact, String version, String type, String classifier) {
        this.group = group;
        this.artifact = artifact;
        this.version = version;
        this.type = type;
        this.classifier = classifier;
    }

    static MavenUrl parse(String url) {
        if (!url.startsWith("mvn:")) {
            throw new IllegalArgumentException("not a mvn: URL: " + url);
        }
        String[] f = url.substring(4).split("/");
        if (f.length < 3 || f.length > 5) {
            throw new IllegalArgumentException("not mvn:group/artifact/version[/type[/classifier]]: " + url);
        }
        return new MavenUrl(f[0], f[1], f[2], f.length > 3 ? f[3] : "jar", f.length > 4 ? f[4] : null);
    }

    /** group:artifact of a file given by its path inside a repository (group path/artifact/version/file). */
    static String groupArtifactOf(Path relative) {
        int n = relative.getNameCount();
        if (n < 4) {
            throw new IllegalArgumentException("not in repository layout: " + relative);
        }
        return relative.subpath(0, n - 3).toString().replace(relative.getFileSystem().getSeparator(), ".")
                + ":" + relative.getName(n - 3);
    }

    String groupArtifact() {
        return group + ":" + artifact;
    }

    Path in(Path repository) {
        String file = artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
        return repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version).resolve(file);
    }
}
