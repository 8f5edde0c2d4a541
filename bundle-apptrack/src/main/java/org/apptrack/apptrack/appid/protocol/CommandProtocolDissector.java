package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * A line-based command protocol ({@link CommandProtocol}: SMTP, FTP, POP3, IMAP) on any TCP
 * port: the server's greeting names it when it carries the protocol's word (or comes on its
 * port), else the client's first command does. An SMTP greeting gives the server's domain, whose
 * host-name rules name the nested application (mx.google.com). Once claimed, the next client commands are
 * watched for the TLS upgrade, which makes the session the protocol's TLS application, and an FTP
 * session for the data connections it announces ({@link FtpDataChannels}).
 */
public final class CommandProtocolDissector implements Dissector {

    /** Client payloads watched for the TLS upgrade after the session was claimed. */
    private static final int WATCHED_COMMANDS = 6;
    private static final int W_COMMANDS = Payload.FIRST_STATE_WORD;
    private static final int LINE = 512;

    private final CommandProtocol protocol;
    private final int application;
    private final int tlsApplication;

    public CommandProtocolDissector(CommandProtocol protocol, IdentificationCatalog catalog) {
        this.protocol = protocol;
        this.application = catalog.id(protocol.application);
        this.tlsApplication = catalog.id(protocol.tlsApplication);
    }

    @Override
    public String name() {
        return protocol.name;
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        long watched = p.state().word(W_COMMANDS);
        if (watched > 0) {
            return claimed(p, out, watched);
        }
        int end = p.textLineEnd(0);
        if (end == Payload.LINE_UNFINISHED) {
            return p.length() < LINE ? MAYBE : NOT_THIS;
        }
        if (end < 0 || end > LINE) {
            return NOT_THIS;
        }
        if (!p.fromClient()) {
            if (p.index() > 0 || !p.matches(0, protocol.greeting) || !separator(p.u8(protocol.greeting.length))) {
                return p.index() > 0 ? MAYBE : NOT_THIS;
            }
            if (contains(p, end, protocol.greetingExcludes)) {
                return NOT_THIS;
            }
            if (contains(p, end, protocol.greetingWords) || p.serverPort() == protocol.port) {
                if (protocol.greetingNamesServer) {
                    serverDomain(p, end, out);
                }
                return claim(p, out);
            }
            return MAYBE;
        }
        int command = protocol.tagged ? p.indexOf(' ', 0, Math.min(end, 32)) + 1 : 0;
        if (command <= 0 && protocol.tagged) {
            return NOT_THIS;
        }
        for (byte[] c : protocol.commands) {
            if (p.matchesIgnoreCase(command, c)) {
                claim(p, out);
                return upgrade(p, command, out) ? IDENTIFIED : CLAIMED;
            }
        }
        return NOT_THIS;
    }

    /** The word after the greeting's code and separator, when it is a domain with a dot (not an address literal). */
    private void serverDomain(Payload p, int end, Identification out) {
        int from = protocol.greeting.length + 1;
        int to = p.indexOf(' ', from, end);
        to = to < 0 ? end : to;
        if (to - from > 3 && p.indexOf('.', from, to) > from && p.u8(from) != '[') {
            out.name(p.frame(), p.offset() + from, to - from);
        }
    }

    private static boolean separator(int c) {
        return c == ' ' || c == '-' || c == '\r';
    }

    private int claim(Payload p, Identification out) {
        out.application(application);
        out.encrypted(false);
        p.state().word(W_COMMANDS, 1);
        return CLAIMED;
    }

    private int claimed(Payload p, Identification out, long watched) {
        if (protocol.dataChannels) {
            FtpDataChannels.announce(p, application, out);
        }
        if (!p.fromClient()) {
            if (p.u8(0) == 0x16 && p.u8(1) == 3) { // a TLS handshake: the upgrade was agreed
                out.application(tlsApplication);
                out.encrypted(true);
                return IDENTIFIED;
            }
            return CLAIMED;
        }
        if (p.u8(0) == 0x16 && p.u8(1) == 3) {
            out.application(tlsApplication);
            out.encrypted(true);
            return IDENTIFIED;
        }
        int command = protocol.tagged ? p.indexOf(' ', 0, 32) + 1 : 0;
        if (upgrade(p, command, out)) {
            return IDENTIFIED;
        }
        if (watched >= WATCHED_COMMANDS && !protocol.dataChannels) {
            return IDENTIFIED; // a session that announces data connections is watched to the end of its budget
        }
        p.state().word(W_COMMANDS, watched + 1);
        return CLAIMED;
    }

    private boolean upgrade(Payload p, int command, Identification out) {
        for (byte[] u : protocol.upgrades) {
            if (p.matchesIgnoreCase(command, u)) {
                out.application(tlsApplication);
                out.encrypted(true);
                return true;
            }
        }
        return false;
    }

    /** Whether the line {@code [0, end)} contains one of the lower-case words, ignoring case. */
    private static boolean contains(Payload p, int end, byte[][] words) {
        for (byte[] w : words) {
            for (int i = 0; i + w.length <= end; i++) {
                if (p.matchesIgnoreCase(i, w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
