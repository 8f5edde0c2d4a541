package org.apptrack.capture.live;

import org.apptrack.capture.frame.FrameHandler;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Measures how many packets per second {@link LiveCapture} delivers, and what the kernel drops,
 * while {@code scripts/netns-traffic.sh load} blasts the interface. Not a unit test: run it by
 * hand as root (see the usage text), e.g. on side A of netns-traffic.sh with {@code --ns-a root}.
 */
public final class LiveCaptureThroughput {

    private LiveCaptureThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LiveCaptureThroughput IFACE SECONDS [BUFFER_MIB=32] [batched|immediate]"
                    + " [SNAPLEN=0] [BPF_FILTER]");
            System.exit(2);
        }
        String iface = args[0];
        double seconds = Double.parseDouble(args[1]);
        int bufferMib = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        boolean immediate = args.length > 3 && args[3].equals("immediate");
        int snap = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        String filter = args.length > 5 ? args[5] : null;

        Counter counter = new Counter();
        try (LiveCapture capture = LiveCapture.open(iface, snap, false, filter, bufferMib << 20, immediate)) {
            System.out.printf(Locale.ROOT, "capturing on %s (%s, snap %d, buffer %d MiB, %s mode, filter %s), %s%n",
                    iface, capture.linkType(), capture.snapLength(), bufferMib, immediate ? "immediate" : "batched",
                    filter, capture.libraryVersion());
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long nextReport = start + 1_000_000_000L;
            long lastFrames = 0;
            LiveCapture.Stats last = capture.stats();
            long firstPacketAt = 0;
            long lastPacketAt = 0;
            // in batched mode an idle dispatch waits for the next block of packets: wake it at the end
            Thread waker = new Thread(() -> {
                try {
                    Thread.sleep((long) (seconds * 1000) + 50);
                    capture.breakLoop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waker.setDaemon(true);
            waker.start();
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long framesBefore = counter.frames;
            long allocatedDuring = 0;
            long framesDuring = 0;
            while (System.nanoTime() < end) {
                int n = capture.dispatch(counter, 1_000);
                long now = System.nanoTime();
                if (n > 0) {
                    if (firstPacketAt == 0) {
                        firstPacketAt = now;
                    }
                    lastPacketAt = now;
                }
                if (now >= nextReport) {
                    // allocation of the reading thread over the last second, before the report allocates
                    allocatedDuring += threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore;
                    framesDuring += counter.frames - framesBefore;
                    LiveCapture.Stats s = capture.stats();
                    System.out.printf(Locale.ROOT, "  %5.1f s: %,10d frames/s  kernel drops %,10d  if drops %,d%n",
                            (now - start) / 1e9, counter.frames - lastFrames,
                            s.droppedByKernel() - last.droppedByKernel(),
                            s.droppedByInterface() - last.droppedByInterface());
                    lastFrames = counter.frames;
                    last = s;
                    nextReport += 1_000_000_000L;
                    framesBefore = counter.frames;
                    allocatedBefore = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                }
            }
            LiveCapture.Stats s = capture.stats();
            double active = Math.max(1e-9, (lastPacketAt - firstPacketAt) / 1e9);
            double span = Math.max(1e-9, (counter.lastTimestamp - counter.firstTimestamp) / 1e9);
            System.out.printf(Locale.ROOT, "total: %,d frames (%,d bytes) = %,.0f frames/s over the %.2f s between"
                            + " the first and last packet timestamps (last delivered %.2f s after the first);"
                            + " received %,d, dropped by kernel %,d (%.2f%%), by interface %,d (check %d)%n",
                    counter.frames, counter.bytes, counter.frames / span, span, active, s.received(),
                    s.droppedByKernel(), s.received() == 0 ? 0.0 : 100.0 * s.droppedByKernel() / s.received(),
                    s.droppedByInterface(), counter.check);
            System.out.printf(Locale.ROOT, "reading thread allocated %,d bytes for %,d frames (%.4f bytes/frame)%n",
                    allocatedDuring, framesDuring, framesDuring == 0 ? 0.0 : (double) allocatedDuring / framesDuring);
        }
    }

    /** Touches every frame (so the copy is not dead code) and counts. */
    private static final class Counter implements FrameHandler {
        long frames;
        long bytes;
        int check;
        long firstTimestamp;
        long lastTimestamp;

        @Override
        public void onFrame(int interfaceIndex, long timestampNanos, ByteBuffer frame, int wireLength) {
            if (frames++ == 0) {
                firstTimestamp = timestampNanos;
            }
            lastTimestamp = timestampNanos;
            bytes += wireLength;
            check ^= frame.get(frame.limit() - 1) ^ (int) timestampNanos;
        }
    }
}
