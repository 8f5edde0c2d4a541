package org.apptrack.testsupport.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Where the test data is. The shared test data (real SRX log lines, the nDPI developer captures)
 * is the folder {@code shared/testdata} beside the checkout. It is not part of the repository, so
 * tests that read it skip when it is absent, and say where they looked. The repository's own test
 * data is its folder {@code testdata} ({@link #appid}), always there.
 *
 * <p>The system property {@value #PROPERTY} names it (the parent pom's surefire configuration
 * sets it for every module, and the integration tests pass it into the container); without the
 * property it is found by walking up from the working directory to the first folder that has a
 * {@code shared/testdata} below it.
 */
public final class TestData {

    /** The system property that names the test-data folder. */
    public static final String PROPERTY = "apptrack.testdata";

    private static final Path BELOW_ANCESTOR = Paths.get("shared", "testdata");
    private static final Path APPID = Paths.get("testdata", "appid");

    private TestData() {
    }

    /** The test-data folder, when there is one. */
    public static Optional<Path> root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isEmpty()) {
            Path p = Paths.get(configured).toAbsolutePath().normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(BELOW_ANCESTOR);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A path below the test-data folder, e.g. {@code path("ndpi", "pcap")}. When the folder is
     * absent the path is where it was expected, and does not exist: check with
     * {@link Files#exists} and skip with {@link #missing(Path)}.
     */
    public static Path path(String first, String... more) {
        return expectedRoot().resolve(Paths.get(first, more));
    }

    /** A message for a test that skips because {@code path} is absent: what is missing and how to provide it. */
    public static String missing(Path path) {
        return "shared test data absent: " + path.toAbsolutePath().normalize() + " (put the shared testdata folder"
                + " at ../shared/testdata beside the checkout, or name it with -D" + PROPERTY + "=DIR)";
    }

    /**
     * A path below the repository's captures of classic protocols for application identification,
     * {@code testdata/appid} of the checkout (recorded by {@code scripts/record-appid-captures.sh}):
     * {@code appid("flows.tsv")}, {@code appid("pcap")}; {@code appid()} is the folder. It is found by
     * walking up from the working directory (a module's folder in a Maven build) to the checkout.
     * Committed with the code, it is never absent in a checkout: a test fails rather than skips
     * without it. Outside a checkout the path is relative to the working directory and does not exist.
     */
    public static Path appid(String... more) {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(APPID);
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(Paths.get("", more));
            }
        }
        return APPID.toAbsolutePath().resolve(Paths.get("", more));
    }

    private static Path expectedRoot() {
        Optional<Path> found = root();
        if (found.isPresent()) {
            return found.get();
        }
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isEmpty()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        return Paths.get("..", "..").toAbsolutePath().normalize().resolve(BELOW_ANCESTOR);
    }
}
