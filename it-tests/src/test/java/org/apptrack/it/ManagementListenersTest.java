package org.apptrack.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The distribution as shipped listens for management on loopback only: SSH (the console), HTTP
 * (the REST API) and JMX (RMI server; the registry's host setting), as the kernel's socket table
 * shows; and a
 * console command that fails makes {@code bin/client} exit non-zero with Karaf's error line.
 * Only the ports differ from the shipped configuration (free ones, so that tests do not collide).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ManagementListenersTest {

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort(), KarafDistribution.freePort());
    }

    @Test
    public void sshHttpAndJmxListenOnLoopbackOnly() throws Exception {
        Map<String, Integer> ports = new TreeMap<>();
        ports.put("SSH", Integer.getInteger(KarafDistribution.SSH_PORT_PROPERTY));
        ports.put("HTTP", Integer.getInteger(KarafDistribution.HTTP_PORT_PROPERTY));
        Dictionary<String, Object> jmx = configAdmin.getConfiguration("org.apache.karaf.management", null)
                .getProperties();
        ports.put("JMX RMI server", Integer.parseInt(jmx.get("rmiServerPort").toString()));
        // The RMI registry's port is shared with Pax Exam, whose own registry (on every interface)
        // takes it before Karaf's starts: here only its configured host can be checked.
        assertEquals("127.0.0.1", jmx.get("rmiRegistryHost"));
        AppTrackIt.get(AppTrackIt.API + "/counters"); // HTTP is up
        for (Map.Entry<String, Integer> p : ports.entrySet()) {
            List<InetAddress> listening = awaitListeners(p.getValue());
            for (InetAddress a : listening) {
                assertTrue(p.getKey() + " port " + p.getValue() + " listens on " + listening, a.isLoopbackAddress());
            }
            assertTrue(p.getKey() + " answers on 127.0.0.1", connects(InetAddress.getByName("127.0.0.1"), p.getValue()));
        }
    }

    @Test
    public void aFailingCommandMakesBinClientExitNonZeroWithTheReason() throws Exception {
        awaitListeners(Integer.getInteger(KarafDistribution.SSH_PORT_PROPERTY));
        Result ok = client("apptrack:zones");
        assertEquals(ok.output, 0, ok.exitCode);
        assertTrue(ok.output, ok.output.contains("untrust"));

        Path missing = Files.createTempDirectory("apptrack-client").resolve("missing.pcap");
        Result failed = client("apptrack:replay " + missing);
        assertNotEquals(failed.output, 0, failed.exitCode);
        assertTrue(failed.output, failed.output.contains("Error executing command: Replay failed: " + missing
                + ": no such file"));
    }

    /** One run of the distribution's bin/client, commands on standard input (-b), as the README shows. */
    private static Result client(String command) throws Exception {
        Path client = Paths.get(System.getProperty("karaf.home"), "bin", "client");
        Process p = new ProcessBuilder(client.toString(), "-h", "127.0.0.1",
                "-a", System.getProperty(KarafDistribution.SSH_PORT_PROPERTY), "-u", "karaf", "-p", "karaf", "-b")
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // Karaf colours its error line: "Error executing command: ESC[0mESC[31;1mReason"
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("\u001B\\[[;\\d]*m", "");
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/client did not end: " + output);
        }
        return new Result(p.exitValue(), output);
    }

    private static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }

    /** The local addresses listening on TCP {@code port}, once there is one (the SSH server starts late). */
    private static List<InetAddress> awaitListeners(int port) throws Exception {
        long deadline = System.nanoTime() + AppTrackIt.WAIT.toNanos();
        List<InetAddress> found;
        while ((found = tcpListeners(port)).isEmpty()) {
            assertTrue("nothing listens on port " + port, System.nanoTime() < deadline);
            Thread.sleep(100);
        }
        return found;
    }

    /**
     * The kernel's table of listening TCP sockets (/proc/net/tcp and tcp6, state 0A): local address
     * in hexadecimal, 32-bit words in host (little-endian) order, port in big-endian hexadecimal.
     */
    static List<InetAddress> tcpListeners(int port) throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Paths.get(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !f[3].equals("0A") || !f[1].contains(":")) {
                    continue;
                }
                String[] local = f[1].split(":");
                if (Integer.parseInt(local[1], 16) != port) {
                    continue;
                }
                byte[] raw = new byte[local[0].length() / 2];
                for (int word = 0; word < raw.length / 4; word++) {
                    for (int b = 0; b < 4; b++) {
                        int hex = word * 8 + (3 - b) * 2;
                        raw[word * 4 + b] = (byte) Integer.parseInt(local[0].substring(hex, hex + 2), 16);
                    }
                }
                out.add(InetAddress.getByAddress(raw));
            }
        }
        return out;
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
