package org.apptrack.apptrack.appid.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apptrack.apptrack.appid.tls.ClientHelloInfo;
import org.apptrack.apptrack.appid.tls.TlsStatus;
import org.apptrack.apptrack.appid.tls.TlsStreamReassembler;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.junit.jupiter.api.Test;

/**
 * What reading a hello allocates, measured on the thread: TLS nothing, in place or reassembled;
 * QUIC only what the JDK's AES-GCM allocates for each packet (its nonce's parameter spec, the
 * associated-data buffer and engine state: about 1.1 KiB on JDK 17), measured beside the same
 * decryption done directly; the keys of a session are derived once, when its DCID is new.
 */
class HelloAllocationTest {

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(tmx.isThreadAllocatedMemorySupported());
        tmx.setThreadAllocatedMemoryEnabled(true);
        return tmx;
    }

    @Test
    void readingTlsHellosAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean tmx = threads();
        byte[] hello = QuicReassemblyTest.browserHello();
        byte[] record = new byte[5 + hello.length];
        record[0] = 0x16;
        record[1] = 3;
        record[2] = 1;
        record[3] = (byte) (hello.length >> 8);
        record[4] = (byte) hello.length;
        System.arraycopy(hello, 0, record, 5, hello.length);
        ByteBuffer segment = ByteBuffer.wrap(record);
        ClassificationPool pool = new ClassificationPool(1, 4096);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 4096);
        ClientHelloInfo out = new ClientHelloInfo();
        int n = 50_000;
        int half = record.length / 2;
        for (int round = 0; round < 2; round++) {
            long before = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < n; i++) {
                int slot = pool.acquire();
                TlsStatus st;
                if (i % 2 == 0) {
                    st = r.offerClientHello(pool.state(slot), 100, segment, 0, record.length, out);
                } else {
                    r.offerClientHello(pool.state(slot), 100, segment, 0, half, out);
                    st = r.offerClientHello(pool.state(slot), 100 + half, segment, half, record.length - half, out);
                }
                pool.release(slot);
                if (st != TlsStatus.COMPLETE) {
                    throw new AssertionError(st);
                }
            }
            long allocated = tmx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            if (round == 1) {
                assertTrue(allocated < 1024, allocated + " bytes allocated for " + n + " hellos");
            }
        }
    }

    @Test
    void readingAQuicInitialAllocatesOnlyWhatTheJdksGcmDoes() throws Exception {
        com.sun.management.ThreadMXBean tmx = threads();
        Map<String, byte[]> packets = InitialKeysTest.rfcPackets();
        ByteBuffer v1 = ByteBuffer.wrap(packets.get("v1"));
        QuicInitialReader reader = new QuicInitialReader(0, 0, 4096);
        ClassificationPool pool = new ClassificationPool(1, 4096);
        QuicHello out = new QuicHello();
        // the same work done directly with the JDK: a fresh nonce, the header as AAD, the payload
        int headerLength = 22;
        byte[] nonce = new byte[12];
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        Cipher seal = Cipher.getInstance("AES/GCM/NoPadding");
        seal.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] aad = new byte[headerLength];
        seal.updateAAD(aad);
        byte[] sealed = seal.doFinal(new byte[v1.limit() - headerLength - 16]);
        Cipher open = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] plain = new byte[2048];
        int n = 5_000;
        long ours = 0;
        long jdk = 0;
        for (int round = 0; round < 2; round++) {
            long before = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < n; i++) {
                int slot = pool.acquire();
                assertEquals(QuicStatus.COMPLETE, reader.read(pool.state(slot), v1, 0, v1.limit(), out));
                pool.release(slot);
            }
            long middle = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < n; i++) {
                open.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                open.updateAAD(aad, 0, headerLength);
                open.doFinal(sealed, 0, sealed.length, plain, 0);
            }
            long after = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
            ours = (middle - before) / n;
            jdk = (after - middle) / n;
        }
        System.out.println("QUIC Initial: " + ours + " bytes allocated per datagram; the JDK's GCM alone: " + jdk);
        // the JIT may scalar-replace the direct loop's parameter spec (56 + 32 bytes); a copy of
        // the packet or of its plaintext would be over 1,100 bytes more
        assertTrue(ours <= jdk + 256, ours + " bytes per datagram, the JDK's GCM alone " + jdk);
    }
}
