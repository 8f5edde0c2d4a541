package org.apptrack.apptrack.appid.flows;

import java.util.Arrays;
import java.util.Random;

/**
 * Damages real payloads the ways that find parser bugs: bit flips, random and boundary bytes,
 * length fields set to boundaries or off by one, truncation, insertion, deletion, duplication.
 * Seeded, so a failure names the seed that reproduces it.
 */
public final class SeededMutator {

    private static final int[] BOUNDARY = {0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe};

    private final Random random;

    public SeededMutator(long seed) {
        random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** One to four damages of a copy of {@code in}. */
    public byte[] mutate(byte[] in) {
        byte[] b = in.clone();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = once(b);
        }
        return b;
    }

    /** {@code length} random bytes. */
    public byte[] garbage(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    private byte[] once(byte[] b) {
        if (b.length == 0) {
            return garbage(1 + random.nextInt(8));
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(9)) {
            case 0:
                b[at] ^= (byte) (1 << random.nextInt(8));
                return b;
            case 1:
                b[at] = (byte) random.nextInt(256);
                return b;
            case 2:
                b[at] = (byte) BOUNDARY[random.nextInt(BOUNDARY.length)];
                return b;
            case 3:
                return Arrays.copyOf(b, at);
            case 4: {
                byte[] extra = garbage(1 + random.nextInt(16));
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                return out;
            }
            case 5: {
                int n = Math.min(1 + random.nextInt(32), b.length - at);
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, b.length - at - n);
                return out;
            }
            case 6: {
                int n = Math.min(1 + random.nextInt(32), b.length - at);
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at + n);
                System.arraycopy(b, at, out, at + n, b.length - at);
                return out;
            }
            case 7:
                return length(b, at, 2);
            default:
                return length(b, at, 3);
        }
    }

    /** A big-endian field of {@code width} bytes at {@code at} set to a boundary or moved by one. */
    private byte[] length(byte[] b, int at, int width) {
        if (at + width > b.length) {
            return b;
        }
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        long max = (1L << (8 * width)) - 1;
        long[] choices = {0, 1, max, v + 1, v - 1, max >> 1};
        long w = choices[random.nextInt(choices.length)] & max;
        for (int i = width - 1; i >= 0; i--) {
            b[at + i] = (byte) w;
            w >>>= 8;
        }
        return b;
    }

    /** Whether {@code name} occurs in {@code in}: a reported name must come from the input. */
    public static boolean contains(byte[] in, byte[] name, int nameLength) {
        outer:
        for (int i = 0; i + nameLength <= in.length; i++) {
            for (int j = 0; j < nameLength; j++) {
                if (in[i + j] != name[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
