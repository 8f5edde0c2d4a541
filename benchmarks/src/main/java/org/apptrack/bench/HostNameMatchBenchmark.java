package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.appid.catalog.AppIdCatalog;
import org.apptrack.apptrack.appid.catalog.HostNameMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Host-name matching over the whole bundled application catalog ({@link HostNameMatcher}, every
 * pattern at once): nanoseconds per lookup of a name held as bytes, for names that match
 * ({@code hit}: CDN names with many labels, a country domain for {@code name.*}), names that do
 * not ({@code miss}: no label suffix is a pattern, so every label is probed) and names that are
 * not host names ({@code garbage}: rejected while reading). {@code array} reads a byte array,
 * {@code direct} a direct buffer (absolute reads), as a dissector over a capture buffer would.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class HostNameMatchBenchmark {

    private static final int NAMES = 16;

    private static final String[] HITS = {
        "www.youtube.com", "r3---sn-4g5e6nzz.googlevideo.com", "scontent-fra3-1.xx.fbcdn.net", "www.google.co.uk",
        "outlook.office365.com", "ipv4-c001-ams001-ix.1.oca.nflxvideo.net", "teams.microsoft.com",
        "api.spotify.com", "edge-chat.instagram.com", "d1234abcd.cloudfront.net", "www.amazon.de",
        "web.whatsapp.com", "pbs.twimg.com", "download.windowsupdate.com", "us02web.zoom.us", "en.wikipedia.org",
    };

    private static final String[] MISSES = {
        "www.example.org", "mail.corp.internal.example", "a.b.c.d.e.nowhere.net", "cdn.someshop.de",
        "login.bank.co.uk", "api.weather-service.io", "static.newspaper.fr", "vpn.university.edu",
        "img.photos-cdn.net", "intranet", "git.company.local", "update.printer-vendor.com",
        "ns1.dns-provider.net", "time.example.com", "assets.game-studio.gg", "files.backup-host.eu",
    };

    private static final String[] GARBAGE = {
        "www.youtube.com:443", "GET / HTTP/1.1", "\u0001\u0002\u0003", "www..youtube.com", ".youtube.com",
        "www.you tube.com", "x".repeat(300), "a".repeat(70) + ".com", "www.youtube.com\u0000", "%%%%",
        "\u00ff\u00fe.youtube.com", "youtube.com/watch", "[::1]", "10.0.0.1:80", "\r\n", "a..b",
    };

    @Param({"hit", "miss", "garbage"})
    public String names;

    private HostNameMatcher matcher;
    private final byte[][] arrays = new byte[NAMES][];
    private final ByteBuffer[] buffers = new ByteBuffer[NAMES];

    @Setup
    public void setup() {
        matcher = AppIdCatalog.bundled().hostNames();
        String[] set = names.equals("hit") ? HITS : names.equals("miss") ? MISSES : GARBAGE;
        for (int i = 0; i < NAMES; i++) {
            arrays[i] = set[i].getBytes(StandardCharsets.ISO_8859_1);
            buffers[i] = ByteBuffer.allocateDirect(arrays[i].length).put(arrays[i]);
            int expected = matcher.match(arrays[i], 0, arrays[i].length);
            if ((expected != HostNameMatcher.NO_MATCH) != names.equals("hit")) {
                throw new IllegalStateException(set[i] + " is not a " + names + ": " + expected);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(NAMES)
    public int array() {
        int sum = 0;
        for (byte[] name : arrays) {
            sum += matcher.match(name, 0, name.length);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(NAMES)
    public int direct() {
        int sum = 0;
        for (int i = 0; i < NAMES; i++) {
            sum += matcher.match(buffers[i], 0, arrays[i].length);
        }
        return sum;
    }
}
