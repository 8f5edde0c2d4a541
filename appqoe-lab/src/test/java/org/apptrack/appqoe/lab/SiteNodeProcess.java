package org.apptrack.appqoe.lab;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apptrack.testsupport.process.Commands;

/** This JVM's handle on the {@link SiteNode} child JVM in the site namespace: its stdin commands and answers. */
final class SiteNodeProcess implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final Map<String, SettingChange> changes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> queries = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private SiteNodeProcess(Process process) {
        this.process = process;
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Commands.drain(process.getErrorStream(), stderr, "site-node-stderr");
        Thread reader = new Thread(this::readAnswers, "site-node-answers");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the node in {@code namespace} with a forwarder per uplink on {@code port}; waits until it is ready. */
    static SiteNodeProcess start(String namespace, int port, List<Uplink> uplinks) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, javaExecutable(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", testClassPath(),
                SiteNode.class.getName(), Integer.toString(port)));
        for (Uplink uplink : uplinks) {
            command.add(uplink.siteAddress());
        }
        SiteNodeProcess node = new SiteNodeProcess(new ProcessBuilder(command).start());
        try {
            node.ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            node.close();
            throw new IOException("site node did not start: " + e + "; stderr: " + Commands.text(node.stderr), e);
        }
        return node;
    }

    SettingChange change(String kind, int uplink, long micros) {
        String id = Integer.toString(ids.incrementAndGet());
        SettingChange change = new SettingChange(kind + " of uplink " + uplink + " to " + micros + " us");
        changes.put(id, change);
        send(id + " " + kind + " " + uplink + " " + micros);
        change.appliedNanos();
        return change;
    }

    String stats(int uplink) {
        String id = Integer.toString(ids.incrementAndGet());
        CompletableFuture<String> answer = new CompletableFuture<>();
        queries.put(id, answer);
        send(id + " stats " + uplink);
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("site node did not answer stats: " + e, e);
        }
    }

    String stderr() {
        return Commands.text(stderr);
    }

    private synchronized void send(String line) {
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new IllegalStateException("site node is gone (" + e + "); stderr: " + stderr(), e);
        }
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.split(" ", 3);
                String rest = words.length > 2 ? words[2] : "";
                switch (words[0]) {
                    case "ready":
                        ready.complete(line);
                        break;
                    case "ok":
                        SettingChange change = changes.get(words[1]);
                        if (change != null) {
                            change.applied(Long.parseLong(rest));
                        } else {
                            CompletableFuture<String> query = queries.remove(words[1]);
                            if (query != null) {
                                query.complete(rest);
                            }
                        }
                        break;
                    case "first":
                        SettingChange done = changes.remove(words[1]);
                        if (done != null) {
                            done.firstDatagram(Long.parseLong(rest));
                        }
                        break;
                    case "error":
                        SettingChange failed = changes.remove(words[1]);
                        if (failed != null) {
                            failed.failed(rest);
                        }
                        CompletableFuture<String> query = queries.remove(words[1]);
                        if (query != null) {
                            query.completeExceptionally(new IllegalArgumentException(rest));
                        }
                        break;
                    default:
                        System.err.println("site node: " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("site node answers: " + e);
        }
        ready.completeExceptionally(new IOException("site node exited"));
    }

    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String javaExecutable() {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return ProcessHandle.current().info().command().orElse(java.toString());
    }

    /** Surefire's real class path (java.class.path may be just its booter jar). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
