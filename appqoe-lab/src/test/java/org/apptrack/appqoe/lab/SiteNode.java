package org.apptrack.appqoe.lab;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.probe.stamp.ReflectorSettings;
import org.apptrack.appqoe.probe.stamp.StampSessionReflector;
import org.apptrack.testsupport.udp.DelayingForwarder;

/**
 * The remote site's user-space part, run in the site namespace as a child JVM: the product's
 * STAMP Session-Reflector on 127.0.0.1 behind one {@link DelayingForwarder} per uplink.
 *
 * <p>Arguments: the reflector port the forwarders listen on, then each uplink's site address
 * (uplink 1 first). Prints {@code ready}, then reads commands from stdin, one a line, each
 * starting with an id the answer repeats:
 * <pre>
 *   ID delay UPLINK MICROS     ->  ok ID NANOTIME   then, at the uplink's next datagram: first ID NANOTIME
 *   ID jitter UPLINK MICROS    ->  likewise
 *   ID stats UPLINK            ->  ok ID UPLINK forwarded N relayed N refused N dropped N delay_us N jitter_us N
 * </pre>
 * A bad command gets {@code error ID message}. NANOTIME is System.nanoTime(), CLOCK_MONOTONIC
 * on Linux, so the test JVM can compare it with its own. Exits at the end of stdin (the test
 * JVM is gone).
 */
public final class SiteNode {

    private SiteNode() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EventLoopGroup group = new NioEventLoopGroup(1);
        StampSessionReflector reflector = new StampSessionReflector(group, Clock.SYSTEM,
                new ReflectorSettings(InetAddress.getLoopbackAddress(), 0, 0));
        reflector.start();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hold-timer");
            t.setDaemon(true);
            return t;
        });
        List<DelayingForwarder> forwarders = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            forwarders.add(new DelayingForwarder(i, new InetSocketAddress(InetAddress.getByName(args[i]), port),
                    reflector.localAddress(), timer));
        }
        answer("ready " + reflector.localAddress().getPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 3) {
                answer("error ? expected: ID COMMAND UPLINK [VALUE]: " + line);
                continue;
            }
            String id = words[0];
            try {
                int uplink = Integer.parseInt(words[2]);
                if (uplink < 1 || uplink > forwarders.size()) {
                    throw new IllegalArgumentException("uplink must be 1.." + forwarders.size() + ": " + uplink);
                }
                DelayingForwarder forwarder = forwarders.get(uplink - 1);
                switch (words[1]) {
                    case "delay":
                        forwarder.delayMicros(micros(words), first -> answer("first " + id + " " + first));
                        answer("ok " + id + " " + System.nanoTime());
                        break;
                    case "jitter":
                        forwarder.jitterMicros(micros(words), first -> answer("first " + id + " " + first));
                        answer("ok " + id + " " + System.nanoTime());
                        break;
                    case "stats":
                        answer("ok " + id + " " + forwarder.stats());
                        break;
                    default:
                        throw new IllegalArgumentException("unknown command " + words[1]);
                }
            } catch (RuntimeException e) {
                answer("error " + id + " " + e.getMessage());
            }
        }
        for (DelayingForwarder forwarder : forwarders) {
            forwarder.close();
        }
        reflector.stop();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        timer.shutdownNow();
    }

    private static long micros(String[] words) {
        if (words.length < 4) {
            throw new IllegalArgumentException(words[1] + " needs a value in microseconds");
        }
        long value = Long.parseLong(words[3]);
        if (value < 0 || value > 60_000_000L) {
            throw new IllegalArgumentException(words[1] + " must be 0..60000000 us: " + value);
        }
        return value;
    }

    private static void answer(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
