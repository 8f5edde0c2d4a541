package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Identification;

/**
 * The applications an HTTP message's content tells, whatever its host: the protocols HTTP
 * carries by their registered media types (OCSP RFC 6960, IPP RFC 8010, SOAP 1.1's
 * {@code SOAPAction} header and SOAP 1.2's RFC 3902 type, JSON-RPC), Windows Update by its
 * agents' User-Agent, and streaming manifests and segments (MPEG-DASH ISO/IEC 23009-1, HLS RFC
 * 8216) and Ookla's HTTP speed test by their URLs and types.
 *
 * <p>A protocol carried in HTTP ({@code strong}) names the nested application even when the
 * host names a service (an OCSP responder on a cloud host is OCSP); a streaming format says how,
 * not what, so it names the session only when its host names nothing (a video on a known
 * service stays that service's). Allocation-free.
 */
final class HttpContentRules {

    private static final class Rule {
        final byte[] text;
        final String application;
        final boolean strong;
        int id;

        Rule(String text, String application, boolean strong) {
            this.text = Ascii.bytes(text);
            this.application = application;
            this.strong = strong;
        }
    }

    /** Media types (case-insensitive, parameters ignored), of a request or a response. */
    private final Rule[] contentTypes = {
        new Rule("application/ocsp-request", "OCSP", true),
        new Rule("application/ocsp-response", "OCSP", true),
        new Rule("application/ipp", "IPP", true),
        new Rule("application/json-rpc", "JSON-RPC", true),
        new Rule("application/soap+xml", "SOAP", true),
        new Rule("application/dash+xml", "MPEGDASH", false),
        new Rule("video/mp4", "MPEGDASH", false),
        new Rule("application/vnd.apple.mpegurl", "HLS", false),
        new Rule("application/x-mpegurl", "HLS", false),
        new Rule("audio/mpegurl", "HLS", false),
        new Rule("audio/x-mpegurl", "HLS", false),
    };
    /** Suffixes of the decoded URL path (case-insensitive): manifests and segments. */
    private final Rule[] urlSuffixes = {
        new Rule(".mpd", "MPEGDASH", false),
        new Rule(".m4s", "MPEGDASH", false),
        new Rule(".mp4", "MPEGDASH", false),
        new Rule(".m3u8", "HLS", false),
    };
    /** Prefixes of the decoded URL path: the files of Ookla's HTTP (legacy) speed test server. */
    private final Rule[] urlPrefixes = {
        new Rule("/speedtest/latency.txt", "OOKLA", false),
        new Rule("/speedtest/upload.php", "OOKLA", false),
        new Rule("/speedtest/random", "OOKLA", false),
    };
    /** User-Agent prefixes (case-sensitive, as the agents send them). */
    private final Rule[] userAgents = {
        new Rule("Windows-Update-Agent", "WINDOWS-UPDATE", true),
        new Rule("Microsoft-Delivery-Optimization", "WINDOWS-UPDATE", true),
    };
    private final Rule soapAction = new Rule("SOAPAction", "SOAP", true);

    HttpContentRules(IdentificationCatalog catalog) {
        for (Rule[] rules : new Rule[][] {contentTypes, urlSuffixes, urlPrefixes, userAgents, {soapAction}}) {
            for (Rule r : rules) {
                r.id = catalog.id(r.application);
            }
        }
    }

    /**
     * Sets the nested application the message's facts in {@code out} tell (URL, User-Agent,
     * SOAPAction of a request; Content-Type of either): a protocol's first, else a format's.
     *
     * @return whether a protocol (a strong rule) named it
     */
    boolean apply(Identification out) {
        Rule best = null;
        if (out.soapAction()) {
            best = better(best, soapAction);
        }
        for (Rule r : userAgents) {
            if (startsWith(out.userAgent(), out.userAgentLength(), r.text, false)) {
                best = better(best, r);
            }
        }
        for (Rule r : contentTypes) {
            if (mediaType(out.contentType(), out.contentTypeLength(), r.text)) {
                best = better(best, r);
            }
        }
        for (Rule r : urlSuffixes) {
            if (endsWith(out.url(), out.urlLength(), r.text)) {
                best = better(best, r);
            }
        }
        for (Rule r : urlPrefixes) {
            if (startsWith(out.url(), out.urlLength(), r.text, false)) {
                best = better(best, r);
            }
        }
        if (best == null) {
            return false;
        }
        if (best.strong) {
            out.nested(best.id);
        } else {
            out.nestedUnlessNamed(best.id);
        }
        return best.strong;
    }

    private static Rule better(Rule best, Rule candidate) {
        if (candidate.id == 0) {
            return best;
        }
        return best == null || candidate.strong && !best.strong ? candidate : best;
    }

    private static boolean startsWith(byte[] value, int length, byte[] prefix, boolean ignoreCase) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            int c = value[i];
            if (ignoreCase && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The media type {@code type} (lower case), followed by the end, a space or parameters. */
    private static boolean mediaType(byte[] value, int length, byte[] type) {
        if (!startsWith(value, length, type, true)) {
            return false;
        }
        return length == type.length || value[type.length] == ';' || value[type.length] == ' ';
    }

    private static boolean endsWith(byte[] value, int length, byte[] suffix) {
        if (length < suffix.length) {
            return false;
        }
        int from = length - suffix.length;
        for (int i = 0; i < suffix.length; i++) {
            int c = value[from + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != suffix[i]) {
                return false;
            }
        }
        return true;
    }
}
