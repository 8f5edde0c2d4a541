package org.apptrack.capture.live;

import com.sun.jna.Native;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@link CaptureProbe} in a fresh JVM, optionally as an unprivileged user. The classes and
 * jars are copied into a world-readable directory first, since the build's own directories (and
 * ~/.m2 under /root) need not be readable by that user.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static CommandResult runProbe(Path workDir, List<String> runAs, List<String> jvmOptions, String iface)
            throws IOException {
        Path base = workDir.resolve("probe");
        Files.createDirectories(base);
        List<String> classpath = new ArrayList<>();
        int i = 0;
        for (Class<?> c : List.of(LiveCapture.class, CaptureProbe.class, Native.class, LoggerFactory.class)) {
            Path source = location(c);
            Path target = base.resolve("cp" + i++ + (Files.isDirectory(source) ? "" : ".jar"));
            copy(source, target);
            classpath.add(target.toString());
        }
        Path jnaTmp = base.resolve("jnatmp");
        Files.createDirectories(jnaTmp);
        Files.setPosixFilePermissions(jnaTmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        openUp(workDir);
        List<String> cmd = new ArrayList<>(runAs);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djna.tmpdir=" + jnaTmp);
        cmd.add("-Duser.home=" + jnaTmp);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(String.join(":", classpath));
        cmd.add(CaptureProbe.class.getName());
        cmd.add(iface);
        return Commands.run(Duration.ofSeconds(60), cmd.toArray(new String[0]));
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(p -> {
                try {
                    Path t = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Makes the directory tree readable (and directories enterable) by everyone. */
    private static void openUp(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName() != null && p.getFileName().toString().equals("jnatmp")) {
                    continue;
                }
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        // the parents of a JUnit @TempDir are private: open the path down to it
        for (Path p = root; p != null && p.getParent() != null; p = p.getParent()) {
            if (p.startsWith(System.getProperty("java.io.tmpdir")) && !p.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
