package org.apptrack.syslog.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.syslog.settings.LogStreamSettings;

/**
 * Appends one message per line to a local file, rotating it at a size limit ({@code file},
 * {@code file.1}, ... {@code file.N}), on a thread of its own so that disk I/O never stalls the
 * network streams. Plain NIO rather than a logging framework: the file must hold exactly the
 * bytes a receiver would get, with no layout of its own.
 */
public final class FileStreamTransport implements StreamTransport {

    private static final int BATCH = 4096;
    private static final int BUFFER_BYTES = 256 * 1024;

    private final LogStreamSettings settings;
    private final SyslogFormatter formatter;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Runnable drainTask = this::drain;

    private DeliveryQueue stream;
    private FileChannel file;
    private long fileSize;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private volatile boolean stopped;

    public FileStreamTransport(LogStreamSettings settings) {
        this.settings = settings;
        this.formatter = SyslogFormatter.create(settings.format());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apptrack-log-file-" + settings.name());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(DeliveryQueue queue) {
        this.stream = queue;
        executor.execute(this::open);
    }

    @Override
    public void recordsAvailable() {
        if (drainPending.compareAndSet(false, true)) {
            try {
                executor.execute(drainTask);
            } catch (RejectedExecutionException e) {
                drainPending.set(false); // stopped: the queue is counted as dropped by the stream
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        try {
            executor.execute(this::close);
        } catch (RejectedExecutionException e) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void open() {
        try {
            Path path = settings.filePath();
            Path dir = path.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            fileSize = file.size();
            stream.state(LogStreamState.UP);
            drain();
        } catch (IOException e) {
            stream.countError(e);
            stream.state(LogStreamState.CONNECTING);
            if (!stopped) {
                // Retry later, like a receiver that is down: the disk may come back.
                stream.countReconnect();
                executor.schedule(this::open, settings.reconnectMaxMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void drain() {
        drainPending.set(false);
        if (file == null) {
            return;
        }
        int used = 0;
        int inBuffer = 0;
        int n = 0;
        LogRecord record;
        try {
            while (n < BATCH && (record = stream.poll()) != null) {
                int max = formatter.maxBytes(record) + 1;
                if (used + max > buffer.length) {
                    writeOut(used);
                    stream.countSent(inBuffer);
                    used = 0;
                    inBuffer = 0;
                    if (max > buffer.length) {
                        buffer = new byte[max];
                    }
                }
                int start = used;
                used = formatter.format(record, buffer, used);
                buffer[used++] = '\n';
                if (fileSize + used > settings.fileMaxBytes() && fileSize + start > 0) {
                    // This record would cross the size limit: finish the file without it, rotate,
                    // and start the new file with it.
                    writeOut(start);
                    stream.countSent(inBuffer);
                    rotate();
                    System.arraycopy(buffer, start, buffer, 0, used - start);
                    used -= start;
                    inBuffer = 0;
                }
                inBuffer++;
                n++;
            }
            writeOut(used);
            stream.countSent(inBuffer);
        } catch (IOException e) {
            stream.countDropped(inBuffer);
            stream.countError(e);
        }
        if (n == BATCH && stream.hasQueued()) {
            recordsAvailable();
        }
    }

    private void writeOut(int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        while (bytes.hasRemaining()) {
            file.write(bytes);
        }
        fileSize += length;
    }

    private void rotate() throws IOException {
        file.close();
        Path path = settings.filePath();
        int keep = settings.fileMaxFiles();
        if (keep == 0) {
            Files.deleteIfExists(path);
        } else {
            Files.deleteIfExists(sibling(path, keep));
            for (int i = keep - 1; i >= 1; i--) {
                Path older = sibling(path, i);
                if (Files.exists(older)) {
                    Files.move(older, sibling(path, i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(path, sibling(path, 1), StandardCopyOption.REPLACE_EXISTING);
        }
        file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        fileSize = 0;
    }

    private static Path sibling(Path path, int index) {
        return path.resolveSibling(path.getFileName() + "." + index);
    }

    private void close() {
        if (file != null) {
            try {
                drain();
                file.close();
            } catch (IOException e) {
                stream.countError(e);
            }
            file = null;
        }
    }
}
