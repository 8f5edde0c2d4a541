import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Prints a SHA-256 of what an unpacked distribution contains, blind to timestamps: scripts/run.sh
 * keeps an unpacked copy (and what the operator changed in it) as long as a rebuilt archive has
 * this same fingerprint. Every build writes new timestamps into the archive and into the jars of
 * the SNAPSHOT bundles, so the archive's own checksum changes even when nothing else did.
 *
 * <p>Per file, in path order: the path, then for a jar/kar/zip each entry's name, size and CRC-32
 * (from the archive's directory), for any other file its bytes.
 *
 * <p>Usage: {@code java scripts/lib/DistributionFingerprint.java DIR}
 */
public final class DistributionFingerprint {

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: java DistributionFingerprint.java DIRECTORY");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            digest.update(("file " + root.relativize(file) + "\n").getBytes(StandardCharsets.UTF_8));
            String name = file.getFileName().toString();
            if (name.endsWith(".jar") || name.endsWith(".kar") || name.endsWith(".zip")) {
                archiveEntries(file, digest);
            } else {
                bytes(file, digest);
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : digest.digest()) {
            hex.append(String.format("%02x", b));
        }
        System.out.println(hex);
    }

    private static void archiveEntries(Path file, MessageDigest digest) throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                entries.add(entry.getName() + " " + entry.getSize() + " " + Long.toHexString(entry.getCrc()) + "\n");
            }
        } catch (IOException notAnArchive) {
            bytes(file, digest); // named like one but is not: compare its bytes
            return;
        }
        entries.sort(null);
        for (String entry : entries) {
            digest.update(entry.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void bytes(Path file, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
    }
}
