package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.dissect.Ascii;

/**
 * A line-based command protocol as {@link CommandProtocolDissector} recognises it: the server's
 * greeting (its reply code and a word that names the protocol), the client's first commands, and
 * the command that upgrades the session to TLS (STARTTLS and its kin).
 */
public final class CommandProtocol {

    final String name;
    final String application;
    final String tlsApplication;
    final int port;
    final byte[] greeting;
    final byte[][] greetingWords;
    final byte[][] greetingExcludes;
    final byte[][] commands;
    final boolean tagged;
    final byte[][] upgrades;
    /** Whether the session announces data connections (FTP): watched for them while inspected. */
    final boolean dataChannels;
    /** Whether the greeting's first word after its code is the server's domain (SMTP: RFC 5321 4.3.1). */
    final boolean greetingNamesServer;

    private CommandProtocol(String name, String application, String tlsApplication, int port, String greeting,
                            String[] greetingWords, String[] greetingExcludes, String[] commands, boolean tagged,
                            String[] upgrades) {
        this(name, application, tlsApplication, port, greeting, greetingWords, greetingExcludes, commands, tagged,
                upgrades, false, false);
    }

    private CommandProtocol(String name, String application, String tlsApplication, int port, String greeting,
                            String[] greetingWords, String[] greetingExcludes, String[] commands, boolean tagged,
                            String[] upgrades, boolean dataChannels, boolean greetingNamesServer) {
        this.dataChannels = dataChannels;
        this.greetingNamesServer = greetingNamesServer;
        this.name = name;
        this.application = application;
        this.tlsApplication = tlsApplication;
        this.port = port;
        this.greeting = Ascii.bytes(greeting);
        this.greetingWords = lower(greetingWords);
        this.greetingExcludes = lower(greetingExcludes);
        this.commands = lower(commands);
        this.tagged = tagged;
        this.upgrades = lower(upgrades);
    }

    private static byte[][] lower(String[] words) {
        byte[][] b = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            b[i] = Ascii.bytes(words[i].toLowerCase(java.util.Locale.ROOT));
        }
        return b;
    }

    /** SMTP (RFC 5321), STARTTLS (RFC 3207). */
    public static final CommandProtocol SMTP = new CommandProtocol("smtp", "SMTP", "SMTPS", 25, "220",
            new String[] {"smtp", "mail"}, new String[] {"ftp"}, new String[] {"ehlo ", "helo ", "ehlo\r", "helo\r"},
            false, new String[] {"starttls"}, false, true);
    /** FTP control (RFC 959), AUTH TLS (RFC 4217). */
    public static final CommandProtocol FTP = new CommandProtocol("ftp", "FTP", "FTPS", 21, "220",
            new String[] {"ftp"}, new String[] {"smtp"},
            new String[] {"user ", "auth tls", "auth ssl", "feat\r", "syst\r", "opts utf8"}, false,
            new String[] {"auth tls", "auth ssl"}, true, false);
    /** POP3 (RFC 1939), STLS (RFC 2595). */
    public static final CommandProtocol POP3 = new CommandProtocol("pop3", "POP3", "POP3S", 110, "+OK",
            new String[] {"pop", "ready", "dovecot"}, new String[0],
            new String[] {"capa\r", "user ", "stls\r", "apop ", "auth "}, false, new String[] {"stls"});
    /** IMAP (RFC 9051), STARTTLS; commands follow a tag. */
    public static final CommandProtocol IMAP = new CommandProtocol("imap", "IMAP", "IMAPS", 143, "* OK",
            new String[] {"imap", "ready", "dovecot"}, new String[0],
            new String[] {"capability\r", "login ", "starttls\r", "authenticate ", "id ("}, true,
            new String[] {"starttls"});
}
