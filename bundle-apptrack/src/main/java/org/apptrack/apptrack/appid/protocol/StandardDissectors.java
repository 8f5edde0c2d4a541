package org.apptrack.apptrack.appid.protocol;

import java.util.List;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;

/**
 * The dissectors application identification runs, in the order they are asked: signatures that
 * cannot be mistaken first, the weak ones (RTP) last, so that a weak one never names a session a
 * strong one would have named from the same payload.
 */
public final class StandardDissectors {

    private StandardDissectors() {
    }

    public static List<Dissector> create(IdentificationCatalog catalog) {
        return List.of(
                new TlsDissector(catalog),
                new HttpDissector(catalog),
                new QuicDissector(catalog),
                new SshDissector(catalog),
                new DnsDissector(catalog),
                new StunDissector(catalog),
                new DtlsDissector(catalog),
                new CommandProtocolDissector(CommandProtocol.SMTP, catalog),
                new CommandProtocolDissector(CommandProtocol.FTP, catalog),
                new CommandProtocolDissector(CommandProtocol.POP3, catalog),
                new CommandProtocolDissector(CommandProtocol.IMAP, catalog),
                new SipDissector(catalog),
                new RtspDissector(catalog),
                new XmppDissector(catalog),
                new SsdpDissector(catalog),
                new DhcpDissector(catalog),
                new Dhcpv6Dissector(catalog),
                new NtpDissector(catalog),
                new NetbiosDissector(catalog),
                new SmbDissector(catalog),
                new KerberosDissector(catalog),
                new LdapDissector(catalog),
                new SnmpDissector(catalog),
                new RadiusDissector(catalog),
                new IkeDissector(catalog),
                new SlpDissector(catalog),
                new OncRpcDissector(catalog),
                new DceRpcDissector(catalog),
                new GtpDissector(catalog),
                new FixedSignatureDissector(catalog),
                new ThreemaDissector(catalog),
                new TincDissector(catalog),
                new DnsCryptDissector(catalog),
                new RakNetDissector(catalog),
                new ZoomDissector(catalog),
                new DiscordDissector(catalog),
                new TftpDissector(catalog),
                new BitTorrentDissector(catalog),
                new OpenVpnDissector(catalog),
                new WireGuardDissector(catalog),
                new MysqlDissector(catalog),
                new PostgresDissector(catalog),
                new RdpDissector(catalog),
                new VncDissector(catalog),
                new TelnetDissector(catalog),
                new RedisDissector(catalog),
                new MqttDissector(catalog),
                new OoklaDissector(catalog),
                new H323Dissector(catalog),
                new CorbaDissector(catalog),
                new CanDissector(catalog),
                new RipeAtlasDissector(catalog),
                new FixDissector(catalog),
                new AvastDissector(catalog),
                new SdRtnDissector(catalog),
                new MiningDissector(catalog),
                new SomeIpDissector(catalog),
                new KcpDissector(catalog),
                new SoftEtherDissector(catalog),
                new NintendoDissector(catalog),
                new CryNetworkDissector(catalog),
                new PhotonDissector(catalog),
                new TplinkShpDissector(catalog),
                new HpVirtGrpDissector(catalog),
                new SocksDissector(catalog),
                new SyslogDissector(catalog),
                // claims a session on a request that only its answer confirms: after every other
                new EchoHandshakeDissector(catalog),
                new RtpDissector(catalog));
    }
}
