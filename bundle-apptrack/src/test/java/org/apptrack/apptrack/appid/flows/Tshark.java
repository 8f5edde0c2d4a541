package org.apptrack.apptrack.appid.flows;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;

/** tshark as an independent reader of the captures: the fields of the frames a display filter selects. */
public final class Tshark {

    private Tshark() {
    }

    /** Fails or skips (see {@link Prerequisites}) when tshark is not installed. */
    public static void require() {
        Prerequisites.requireCommands("tshark");
    }

    /** The leading fields {@link #flowOf} reads: addresses and ports of a TCP (or UDP) frame. */
    public static String[] endpoints(boolean tcp) {
        String l4 = tcp ? "tcp" : "udp";
        return new String[] {"ip.src", "ipv6.src", l4 + ".srcport", "ip.dst", "ipv6.dst", l4 + ".dstport"};
    }

    /** {@link #endpoints} followed by {@code more}. */
    public static String[] withEndpoints(boolean tcp, String... more) {
        String[] e = endpoints(tcp);
        String[] all = Arrays.copyOf(e, e.length + more.length);
        System.arraycopy(more, 0, all, e.length, more.length);
        return all;
    }

    /**
     * The flow of the frame described by a row that starts with {@link #endpoints}, and whether
     * the frame went client to server ({@code [flow, Boolean]}); null for a tunnelled frame
     * (several addresses) or one our flows do not have.
     */
    public static Object[] flowOf(List<Flow> flows, String[] row) throws IOException {
        String src = row[0].isEmpty() ? row[1] : row[0];
        String dst = row[3].isEmpty() ? row[4] : row[3];
        if (src.isEmpty() || dst.isEmpty() || src.contains(",") || dst.contains(",") || row[2].contains(",")) {
            return null;
        }
        InetAddress s = InetAddress.getByName(src);
        InetAddress d = InetAddress.getByName(dst);
        int sp = Integer.parseInt(row[2]);
        int dp = Integer.parseInt(row[5]);
        for (Flow f : flows) {
            if (f.joins(s, sp, d, dp)) {
                return new Object[] {f, f.client().equals(s) && f.clientPort() == sp};
            }
        }
        return null;
    }

    /**
     * One row per selected frame, the fields in the order asked, "" when absent; repeated
     * occurrences of a field are joined with commas (tshark's default).
     */
    public static List<String[]> fields(Path capture, String filter, String... fields) throws IOException {
        List<String> cmd = new ArrayList<>(Arrays.asList("tshark", "-n", "-r", capture.toString(), "-Y", filter,
                "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        CommandResult r = Commands.run(Duration.ofMinutes(2), false, cmd.toArray(new String[0]));
        if (r.exit() != 0) {
            throw new IOException("tshark failed on " + capture + ": " + r);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            rows.add(Arrays.copyOf(f, fields.length));
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    row[i] = "";
                }
            }
        }
        return rows;
    }

    /** Records a mismatch between a reference value (tshark's, or the JDK's) and ours. */
    public static void compare(java.util.List<String> wrong, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            wrong.add(what + ": expected " + expected + ", ours " + actual);
        }
    }

    /** The first value of a field tshark printed as a comma-separated list. */
    public static String firstValue(String commaList) {
        int c = commaList.indexOf(',');
        return c < 0 ? commaList : commaList.substring(0, c);
    }
}
