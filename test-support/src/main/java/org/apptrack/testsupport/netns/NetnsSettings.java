package org.apptrack.testsupport.netns;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Names and addresses of a {@link NetnsBench}. The defaults are {@code scripts/netns-traffic.sh}'s:
 * namespaces {@code at-a} and {@code at-b}, interfaces {@code at-veth-a} and {@code at-veth-b},
 * {@code 10.99.0.1}/{@code .2} and {@code fd00:99::1}/{@code ::2}.
 */
public final class NetnsSettings {

    /** The name that stands for the root namespace as side A. */
    public static final String ROOT = "root";

    private String namespaceA = "at-a";
    private String namespaceB = "at-b";
    private String vethA = "at-veth-a";
    private String vethB = "at-veth-b";
    private String v4A = "10.99.0.1";
    private String v4B = "10.99.0.2";
    private String v6A = "fd00:99::1";
    private String v6B = "fd00:99::2";
    private boolean oneSegmentPerFrame;

    /** The defaults (see the class). */
    public static NetnsSettings defaults() {
        return new NetnsSettings();
    }

    /** Fresh namespace and interface names (both sides in a namespace), the default addresses. */
    public static NetnsSettings unique() {
        String suffix = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        return new NetnsSettings().namespaceA("apptrack-" + suffix + "-a").namespaceB("apptrack-" + suffix + "-b")
                .veths("at" + suffix + "a", "at" + suffix + "b");
    }

    /** Side A's namespace; {@value #ROOT}, {@code -} or empty for the root namespace. */
    public NetnsSettings namespaceA(String name) {
        this.namespaceA = name == null || name.isEmpty() || name.equals(ROOT) || name.equals("-") ? null : name;
        return this;
    }

    /** Side A in the root namespace. */
    public NetnsSettings rootA() {
        return namespaceA(ROOT);
    }

    public NetnsSettings namespaceB(String name) {
        this.namespaceB = name;
        return this;
    }

    /** The interface names (at most 15 characters each). */
    public NetnsSettings veths(String a, String b) {
        this.vethA = a;
        this.vethB = b;
        return this;
    }

    public NetnsSettings v4(String a, String b) {
        this.v4A = a;
        this.v4B = b;
        return this;
    }

    public NetnsSettings v6(String a, String b) {
        this.v6A = a;
        this.v6B = b;
        return this;
    }

    /** No GSO super-frames on the veth: a capture sees one TCP segment per frame (best effort). */
    public NetnsSettings oneSegmentPerFrame() {
        this.oneSegmentPerFrame = true;
        return this;
    }

    /** Side A's namespace, null for the root namespace. */
    public String namespaceA() {
        return namespaceA;
    }

    public String namespaceB() {
        return namespaceB;
    }

    public String vethA() {
        return vethA;
    }

    public String vethB() {
        return vethB;
    }

    public String v4A() {
        return v4A;
    }

    public String v4B() {
        return v4B;
    }

    public String v6A() {
        return v6A;
    }

    public String v6B() {
        return v6B;
    }

    boolean wantsOneSegmentPerFrame() {
        return oneSegmentPerFrame;
    }
}
