package org.apptrack.apptrack.appid.dissect;

/**
 * Recognises one protocol (or a family of close ones) from the payload of a session's first
 * packets, in place. The classifier offers each payload to every dissector still in the running
 * until one claims the session; from then on only that one sees its packets.
 *
 * <p>A dissector is stateless between calls except through {@link Payload#state()}, which it may
 * use only after it claimed the session ({@link #CLAIMED}); it never allocates and never throws
 * on any payload (a payload it cannot read is {@link #NOT_THIS}).
 */
public interface Dissector {

    /** The payload cannot be this protocol: do not offer this session's payloads again. */
    int NOT_THIS = 0;
    /** Cannot tell yet (too short, or the other direction decides): offer the next payload. */
    int MAYBE = 1;
    /**
     * It is this protocol ({@link Identification#application()} holds it), and more payload may
     * tell more (a name in a later segment): only this dissector sees the session's next
     * payloads and may keep state in {@link Payload#state()}.
     */
    int CLAIMED = 2;
    /** It is this protocol and nothing more is to be learnt: identification ends here. */
    int IDENTIFIED = 3;

    /** A short name for counters and tests ({@code "http"}). */
    String name();

    /** Whether sessions of this IP protocol ({@code 6}, {@code 17}) can be this protocol. */
    boolean accepts(int ipProtocol);

    /**
     * One non-empty payload of the session.
     *
     * @param out the session's identification so far; set what this payload tells
     * @return {@link #NOT_THIS}, {@link #MAYBE}, {@link #CLAIMED} or {@link #IDENTIFIED}
     */
    int inspect(Payload payload, Identification out);
}
