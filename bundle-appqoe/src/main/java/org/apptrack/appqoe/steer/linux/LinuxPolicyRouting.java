package org.apptrack.appqoe.steer.linux;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apptrack.appqoe.steer.SteeredSession;
import org.apptrack.appqoe.steer.SteeringActuator;
import org.apptrack.appqoe.steer.SteeringException;
import org.apptrack.appqoe.steer.SteeringPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steering on a Linux router with nftables and policy routing, all of it created and removed here:
 * per path a routing table and an ip rule selecting it by packet mark ({@link IpScript}), and one
 * nftables table of our own whose maps give each steered session the mark of its path and keep it
 * in the connection's conntrack mark ({@link NftScript}). Every change is one {@code nft -f -}
 * transaction, so a batch of sessions costs one process. Commands go through a
 * {@link CommandRunner}, whose prefix can put them into a namespace or VRF.
 *
 * <p>Needs root or CAP_NET_ADMIN and the binaries nft (nftables) and ip (iproute2); without them
 * the calls fail with a {@link SteeringException} saying what is missing. {@link #close()} removes
 * our nft table, our rules and our routing tables' routes, nothing else.
 */
public final class LinuxPolicyRouting implements SteeringActuator {

    public static final String NAME = "linux-policy-routing";

    private static final Logger log = LoggerFactory.getLogger(LinuxPolicyRouting.class);
    private static final int MAX_MESSAGE_OUTPUT = 600;

    private final LinuxSteeringSettings settings;
    private final CommandRunner runner;
    /** The prepared paths by name. */
    private final Map<String, SteeringPath> paths = new HashMap<>();
    /** Steered sessions by session id, with the path their element points at. */
    private final Map<Long, Steered> sessions = new HashMap<>();

    public LinuxPolicyRouting(LinuxSteeringSettings settings, CommandRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    public LinuxSteeringSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean steers() {
        return true;
    }

    /**
     * Replaces the routing tables, rules and nft table with those of {@code paths}; sessions on a
     * path that is still there (same name and index) keep their elements. On failure nothing of
     * ours is left (no session is steered) and the exception says why.
     */
    @Override
    public void preparePaths(List<SteeringPath> newPaths) throws SteeringException {
        Map<String, SteeringPath> byName = validate(newPaths);
        TreeSet<Integer> indices = new TreeSet<>();
        paths.values().forEach(p -> indices.add(p.index()));
        byName.values().forEach(p -> indices.add(p.index()));
        Map<Long, Steered> kept = new LinkedHashMap<>();
        sessions.forEach((id, s) -> {
            if (byName.get(s.path.name()) != null && byName.get(s.path.name()).index() == s.path.index()) {
                kept.put(id, new Steered(s.session, byName.get(s.path.name())));
            }
        });
        try {
            removeRouting(indices, true);
            IpScript add = new IpScript(settings);
            byName.values().forEach(add::add);
            ip(List.of("ip", "-batch", "-"), add.ipv4());
            ip(List.of("ip", "-6", "-batch", "-"), add.ipv6());
            NftScript nft = new NftScript(settings).replaceTable();
            kept.values().forEach(s -> nft.add(s.session, s.path));
            nft(nft);
        } catch (SteeringException e) {
            removeAll(indices);
            paths.clear();
            sessions.clear();
            throw e;
        }
        paths.clear();
        paths.putAll(byName);
        sessions.clear();
        sessions.putAll(kept);
        log.info("Steering paths prepared ({}): {}", settings, byName.values());
    }

    @Override
    public void steer(SteeredSession session, SteeringPath path) throws SteeringException {
        steerAll(Map.of(session, path));
    }

    /** All sessions in one nft transaction: all of them are steered, or (on an exception) none. */
    @Override
    public void steerAll(Map<SteeredSession, SteeringPath> batch) throws SteeringException {
        NftScript nft = new NftScript(settings);
        Map<Long, Steered> changes = new LinkedHashMap<>();
        for (Map.Entry<SteeredSession, SteeringPath> e : batch.entrySet()) {
            SteeredSession session = e.getKey();
            SteeringPath path = prepared(e.getValue());
            Steered now = changes.containsKey(session.id()) ? changes.get(session.id()) : sessions.get(session.id());
            if (now != null && now.path.equals(path) && now.session.equals(session)) {
                continue;
            }
            if (now != null) {
                nft.remove(now.session, now.path);
            }
            nft.add(session, path);
            changes.put(session.id(), new Steered(session, path));
        }
        if (nft.isEmpty()) {
            return;
        }
        nft(nft);
        sessions.putAll(changes);
    }

    @Override
    public void release(SteeredSession session) {
        releaseAll(List.of(session));
    }

    /** Removes the elements of all these sessions in one transaction; a failure is logged, the elements then expire. */
    @Override
    public void releaseAll(Collection<SteeredSession> ended) {
        NftScript nft = new NftScript(settings);
        for (SteeredSession session : ended) {
            Steered s = sessions.remove(session.id());
            if (s != null) {
                nft.remove(s.session, s.path);
            }
        }
        if (nft.isEmpty()) {
            return;
        }
        try {
            nft(nft);
        } catch (SteeringException e) {
            log.warn("Could not remove the steering of {} session(s); their map elements expire after {} s: {}",
                    ended.size(), settings.elementTimeout().getSeconds(), e.getMessage());
        }
    }

    /** The sessions steered now, by id, with the name of their path (for diagnostics and tests). */
    public Map<Long, String> steeredSessions() {
        Map<Long, String> view = new HashMap<>();
        sessions.forEach((id, s) -> view.put(id, s.path.name()));
        return view;
    }

    @Override
    public void close() {
        TreeSet<Integer> indices = new TreeSet<>();
        paths.values().forEach(p -> indices.add(p.index()));
        removeAll(indices);
        paths.clear();
        sessions.clear();
    }

    private void removeAll(Collection<Integer> indices) {
        try {
            nft(new NftScript(settings).deleteTable());
        } catch (SteeringException e) {
            log.warn("Could not delete nft table inet {}: {}", settings.nftTable(), e.getMessage());
        }
        try {
            removeRouting(indices, false);
        } catch (SteeringException e) {
            log.warn("Could not remove the steering rules and routes: {}", e.getMessage());
        }
    }

    /** Our rules and routes of these path indices; parts that are absent are no error. */
    private void removeRouting(Collection<Integer> indices, boolean failOnPrivileges) throws SteeringException {
        if (indices.isEmpty()) {
            return;
        }
        IpScript remove = new IpScript(settings);
        indices.forEach(remove::remove);
        for (List<String> command : List.of(List.of("ip", "-force", "-batch", "-"),
                List.of("ip", "-6", "-force", "-batch", "-"))) {
            CommandOutput out = run(command, command.contains("-6") ? remove.ipv6() : remove.ipv4());
            if (failOnPrivileges) {
                failIfNotPermitted(command, out);
            }
        }
    }

    private Map<String, SteeringPath> validate(List<SteeringPath> newPaths) throws SteeringException {
        Map<String, SteeringPath> byName = new LinkedHashMap<>();
        Map<Integer, String> byIndex = new HashMap<>();
        for (SteeringPath p : newPaths) {
            if (p.egressInterface() == null) {
                throw new SteeringException(NAME + ": path " + p.name() + " has no egress interface");
            }
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new SteeringException(NAME + ": path name " + p.name() + " is used twice");
            }
            String other = byIndex.putIfAbsent(p.index(), p.name());
            if (other != null) {
                throw new SteeringException(NAME + ": paths " + other + " and " + p.name() + " have the same index "
                        + p.index());
            }
        }
        return byName;
    }

    private SteeringPath prepared(SteeringPath path) throws SteeringException {
        SteeringPath p = paths.get(path.name());
        if (p == null || p.index() != path.index()) {
            throw new SteeringException(NAME + ": path " + path.name() + " is not prepared (prepared: "
                    + paths.keySet() + ")");
        }
        return p;
    }

    private void nft(NftScript script) throws SteeringException {
        List<String> command = List.of("nft", "-f", "-");
        CommandOutput out = run(command, script.text());
        failIfNotPermitted(command, out);
        if (!out.succeeded()) {
            throw new SteeringException(NAME + ": nft -f - failed (exit " + out.exit() + "): " + brief(out.output()));
        }
    }

    private void ip(List<String> command, String script) throws SteeringException {
        if (script.isEmpty()) {
            return;
        }
        CommandOutput out = run(command, script);
        failIfNotPermitted(command, out);
        if (!out.succeeded()) {
            throw new SteeringException(NAME + ": " + String.join(" ", command) + " failed (exit " + out.exit()
                    + "): " + brief(out.output()) + " (commands: " + brief(script.replace('\n', ';')) + ")");
        }
    }

    private CommandOutput run(List<String> command, String input) throws SteeringException {
        String binary = command.get(0);
        CommandOutput out;
        try {
            out = runner.run(command, input);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("error=2") || message.contains("No such file")) {
                throw new SteeringException(notFound(binary), e);
            }
            throw new SteeringException(NAME + ": could not run " + binary + ": " + message, e);
        }
        String text = out.output();
        if (out.exit() == 127 || text.contains("exec of \"" + binary + "\" failed")
                || text.contains("failed to execute " + binary)) {
            throw new SteeringException(notFound(binary) + " (" + brief(text) + ")");
        }
        return out;
    }

    private static void failIfNotPermitted(List<String> command, CommandOutput out) throws SteeringException {
        String text = out.output();
        if (text.contains("Operation not permitted") || text.contains("Permission denied")) {
            throw new SteeringException(NAME + ": not permitted to change the network configuration; steering needs"
                    + " root or the capability CAP_NET_ADMIN (" + String.join(" ", command) + ": " + brief(text) + ")");
        }
    }

    private static String notFound(String binary) {
        String pkg = "nft".equals(binary) ? "nftables" : "ip".equals(binary) ? "iproute2" : binary;
        return NAME + ": the command " + binary + " was not found; install the package " + pkg;
    }

    private static String brief(String text) {
        String t = text.strip();
        return t.length() <= MAX_MESSAGE_OUTPUT ? t : t.substring(0, MAX_MESSAGE_OUTPUT) + "...";
    }

    /** A steered session and the path its element points at. */
    private static final class Steered {
        final SteeredSession session;
        final SteeringPath path;

        Steered(SteeredSession session, SteeringPath path) {
            this.session = session;
            this.path = path;
        }
    }
}
