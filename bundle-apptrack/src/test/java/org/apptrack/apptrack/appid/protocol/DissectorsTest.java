package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.NamesCatalog;
import static org.apptrack.apptrack.appid.dissect.Dissector.CLAIMED;
import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.MAYBE;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** Each dissector on the messages its protocol's specification shows, and on what it must not take. */
class DissectorsTest {

    private final IdentificationCatalog catalog = new NamesCatalog();

    private String app(DissectorHarness h) {
        return catalog.application(h.out.application());
    }

    @Test
    void httpRequestLineAndHostOnAnyPort() {
        DissectorHarness h = DissectorHarness.tcp(new HttpDissector(catalog), 8080);
        assertEquals(CLAIMED, h.client("GET /a HTTP/1.1\r\nUser-Agent: x\r\nhost:  Example.ORG:8080 \r\n\r\n"),
                "the response's media type may still tell what it carries");
        assertEquals("HTTP", app(h));
        assertEquals("example.org", h.out.nameText());
        assertEquals(IDENTIFIED, h.server("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"));
    }

    @Test
    void httpHostInALaterSegmentIsFound() {
        DissectorHarness h = DissectorHarness.tcp(new HttpDissector(catalog), 80);
        assertEquals(CLAIMED, h.client("POST /upload HTTP/1.1\r\nContent-Length: 5\r\n"));
        assertEquals(CLAIMED, h.client("Host: files.example.net.\r\n\r\n"));
        assertEquals("files.example.net", h.out.nameText(), "port and final dot cut");
    }

    @Test
    void httpTakesNeitherTlsNorAPrefixThatIsNoMethod() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new HttpDissector(catalog), 80).client(
                new byte[] {0x16, 3, 1, 0, 5, 1, 0, 0, 1, 0}));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new HttpDissector(catalog), 80).client("GETS / HTTP/1.1\r\n"));
        assertEquals(MAYBE, DissectorHarness.tcp(new HttpDissector(catalog), 80).client("GE"));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new HttpDissector(catalog), 80).client("GET / FTP/1.0\r\n\r\n"));
    }

    @Test
    void httpHostWithControlCharactersIsNotKept() {
        DissectorHarness h = DissectorHarness.tcp(new HttpDissector(catalog), 80);
        assertEquals(CLAIMED, h.client("GET / HTTP/1.0\r\nHost: evil\u001b[31m.com\r\n\r\n"));
        assertEquals(0, h.out.nameLength(), "an escape sequence is no host name");
    }

    @Test
    void smtpAndFtpShareTheGreetingCodeAndAreToldApartByItsWordOrTheCommand() {
        DissectorHarness smtp = DissectorHarness.tcp(new CommandProtocolDissector(CommandProtocol.SMTP, catalog), 2525);
        assertEquals(CLAIMED, smtp.server("220 mx.example.com ESMTP Postfix\r\n"));
        assertEquals(IDENTIFIED, smtp.client("STARTTLS\r\n"));
        assertEquals("SMTPS", app(smtp), "upgraded to TLS");

        DissectorHarness ftpAsSmtp = DissectorHarness.tcp(new CommandProtocolDissector(CommandProtocol.SMTP, catalog),
                21);
        assertEquals(NOT_THIS, ftpAsSmtp.server("220 (vsFTPd 3.0.3) FTP ready\r\n"));

        DissectorHarness ftp = DissectorHarness.tcp(new CommandProtocolDissector(CommandProtocol.FTP, catalog), 2121);
        assertEquals(MAYBE, ftp.server("220 Welcome\r\n"), "neither word nor port: the client's command decides");
        assertEquals(CLAIMED, ftp.client("USER anonymous\r\n"));
        assertEquals("FTP", app(ftp));
    }

    @Test
    void anSmtpGreetingNamesTheServersDomainAndOnlyADomain() {
        DissectorHarness smtp = DissectorHarness.tcp(new CommandProtocolDissector(CommandProtocol.SMTP, catalog), 25);
        assertEquals(CLAIMED, smtp.server("220 mx.google.com ESMTP s4si9696358qcc.63 - gsmtp\r\n"));
        assertEquals("mx.google.com", smtp.out.nameText(), "RFC 5321: the greeting's first word is the domain");

        DissectorHarness continued = DissectorHarness.tcp(new CommandProtocolDissector(CommandProtocol.SMTP, catalog),
                25);
        assertEquals(CLAIMED, continued.server("220-Mail.Example.ORG ESMTP\r\n220 ready\r\n"));
        assertEquals("mail.example.org", continued.out.nameText());

        for (String greeting : new String[] {"220 [192.0.2.1] ESMTP\r\n", "220 localhost ESMTP\r\n",
                "220 Service ready\r\n", "220\r\n", "220 mx:example.com ESMTP\r\n"}) {
            DissectorHarness h = DissectorHarness.tcp(new CommandProtocolDissector(CommandProtocol.SMTP, catalog), 25);
            assertEquals(CLAIMED, h.server(greeting), greeting);
            assertEquals(0, h.out.nameLength(), "no domain in: " + greeting);
        }

        DissectorHarness ftp = DissectorHarness.tcp(new CommandProtocolDissector(CommandProtocol.FTP, catalog), 21);
        assertEquals(CLAIMED, ftp.server("220 ftp.example.com FTP server ready\r\n"));
        assertEquals(0, ftp.out.nameLength(), "an FTP greeting is free text");
    }

    @Test
    void imapCommandsFollowATag() {
        DissectorHarness h = DissectorHarness.tcp(new CommandProtocolDissector(CommandProtocol.IMAP, catalog), 143);
        assertEquals(CLAIMED, h.server("* OK [CAPABILITY IMAP4rev1] Dovecot ready.\r\n"));
        assertEquals(IDENTIFIED, h.client("a1 STARTTLS\r\n"));
        assertEquals("IMAPS", app(h));
    }

    @Test
    void sshIdentificationStringFromEitherSide() {
        DissectorHarness h = DissectorHarness.tcp(new SshDissector(catalog), 2222);
        assertEquals(IDENTIFIED, h.server("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"));
        assertTrue(h.out.encrypted());
        assertEquals(NOT_THIS, DissectorHarness.tcp(new SshDissector(catalog), 22).client("SSH-3.0-x\r\n"));
    }

    @Test
    void dnsQueryWaitsForTheAnswerWhoseAddressesAreKept() {
        DissectorHarness h = DissectorHarness.udp(new DnsDissector(catalog), 53);
        byte[] name = Bytes.of().u8(3).bytes(ascii("www")).u8(7).bytes(ascii("example")).u8(3).bytes(ascii("com"))
                .u8(0).build();
        assertEquals(CLAIMED, h.client(Bytes.of().u16(7).u16(0x0100).u16(1).u16(0).u16(0).u16(0).bytes(name)
                .u16(1).u16(1).build()));
        assertEquals("www.example.com", h.out.nameText());
        assertTrue(h.out.nameIsLookup());
        assertEquals(IDENTIFIED, h.server(Bytes.of().u16(7).u16(0x8180).u16(1).u16(2).u16(0).u16(0).bytes(name)
                .u16(1).u16(1).u16(0xc00c).u16(5).u16(1).u32(60).u16(2).u16(0xc00c)
                .u16(0xc00c).u16(1).u16(1).u32(60).u16(4).u32(0x5db8d822L).build()));
        assertEquals(1, h.out.answers(), "the A record, not the CNAME");
        assertEquals(0x5db8d822L, h.out.answerLow(0) & 0xffffffffL);
    }

    @Test
    void dnsHeadersThatCannotBeDnsAreRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new DnsDissector(catalog), 9999).client(
                Bytes.of().u16(1).u16(0x0100).u16(3).u16(0).u16(0).u16(0).zeros(10).build()));
        assertEquals(NOT_THIS, DissectorHarness.udp(new DnsDissector(catalog), 53).client(
                Bytes.of().u16(1).u16(0x0100).u16(1).u16(0).u16(0).u16(0).u8(70).zeros(70).build()));
    }

    @Test
    void stunBindingRequestWithTheMagicCookie() {
        DissectorHarness h = DissectorHarness.udp(new StunDissector(catalog), 3478);
        assertEquals(CLAIMED, h.client(Bytes.of().u16(0x0001).u16(8).u32(0x2112A442L).zeros(12)
                .u16(0x8022).u16(4).bytes(ascii("test")).build()), "claimed: later messages may name the service");
        assertEquals(NOT_THIS, DissectorHarness.udp(new StunDissector(catalog), 3478).client(
                Bytes.of().u16(0x0001).u16(12).u32(0x2112A442L).zeros(12).u16(0x8022).u16(4).bytes(ascii("test"))
                        .build()), "declared length beyond the datagram");
    }

    @Test
    void syslogNeedsAPriorityAndAHeader() {
        assertEquals(IDENTIFIED, DissectorHarness.udp(new SyslogDissector(catalog), 514)
                .client("<34>Oct 11 22:14:15 mymachine su: 'su root' failed"));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new SyslogDissector(catalog), 601)
                .client("87 <165>1 2003-10-11T22:14:15.003Z host app - ID47 - message"));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SyslogDissector(catalog), 514).client("<999>Oct 11 x"));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SyslogDissector(catalog), 5000).client("<html><body>"));
    }

    @Test
    void randomPayloadsNameNothingConfidently() {
        Random random = new Random(7);
        int named = 0;
        for (Dissector d : StandardDissectors.create(catalog)) {
            for (int i = 0; i < 2000; i++) {
                byte[] b = new byte[1 + random.nextInt(300)];
                random.nextBytes(b);
                boolean tcp = random.nextBoolean();
                DissectorHarness h = tcp ? DissectorHarness.tcp(d, 1024 + random.nextInt(60000))
                        : DissectorHarness.udp(d, 1024 + random.nextInt(60000));
                if (!d.accepts(tcp ? 6 : 17)) {
                    continue;
                }
                int v = h.client(b);
                if (v == IDENTIFIED || v == CLAIMED) {
                    named++;
                }
                assertFalse(v < NOT_THIS || v > IDENTIFIED);
            }
        }
        assertTrue(named <= 3, "random bytes named " + named + " times");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
