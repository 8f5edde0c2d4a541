package org.apptrack.apptrack.engine.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassificationPoolTest {

    @Test
    void slotsAreBoundedCountedWhenFullAndReused() {
        ClassificationPool pool = new ClassificationPool(2, 16);
        int a = pool.acquire();
        int b = pool.acquire();
        assertNotEquals(a, b);
        assertEquals(2, pool.inUse());
        assertEquals(-1, pool.acquire());
        assertEquals(-1, pool.acquire());
        assertEquals(2, pool.full());
        pool.release(a);
        assertEquals(1, pool.inUse());
        assertEquals(a, pool.acquire(), "a released slot is taken again");
        assertEquals(2, pool.full());
    }

    @Test
    void aSlotIsClearedForItsNextSessionAndKeepsItsBuffer() {
        ClassificationPool pool = new ClassificationPool(1, 16);
        int slot = pool.acquire();
        ClassificationState state = pool.state(slot);
        state.word(0, 42);
        assertTrue(state.append(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), 0, 5));
        pool.release(slot);
        int again = pool.acquire();
        assertSame(state, pool.state(again), "no new state for a reused slot");
        assertEquals(0, state.word(0));
        assertEquals(0, state.bufferedBytes());
    }

    @Test
    void theBufferTakesPayloadUpToItsCapacityWithoutMovingTheSource() {
        ClassificationPool pool = new ClassificationPool(1, 8);
        ClassificationState state = pool.state(pool.acquire());
        ByteBuffer frame = ByteBuffer.wrap("..abcdefghij".getBytes(StandardCharsets.US_ASCII));
        assertTrue(state.append(frame, 2, 5));
        assertEquals(0, frame.position());
        assertFalse(state.append(frame, 7, 4), "9 bytes do not fit in 8");
        assertTrue(state.append(frame, 7, 3));
        ByteBuffer buffered = state.buffered();
        byte[] got = new byte[buffered.remaining()];
        buffered.get(got);
        assertEquals("abcdefgh", new String(got, StandardCharsets.US_ASCII));
        assertEquals(8, state.capacity());
    }

    @Test
    void regionsAreWrittenAtTheirIndexWithinTheBufferOnly() {
        ClassificationPool pool = new ClassificationPool(1, 16);
        ClassificationState state = pool.state(pool.acquire());
        ByteBuffer frame = ByteBuffer.wrap("..abcdefghij".getBytes(StandardCharsets.US_ASCII));
        assertTrue(state.write(10, frame, 2, 4));
        assertEquals(0, frame.position());
        assertTrue(state.write(0, new byte[] {'x', 'y', 'z'}, 1, 2));
        assertFalse(state.write(14, frame, 2, 3), "past the end");
        assertFalse(state.write(-1, frame, 2, 1), "before the start");
        ByteBuffer all = state.bytes();
        assertEquals(16, all.limit());
        assertEquals('y', all.get(0));
        assertEquals('z', all.get(1));
        assertEquals('a', all.get(10));
        assertEquals('d', all.get(13));
        assertEquals(0, all.get(14), "nothing of the refused write");
        assertEquals(0, state.bufferedBytes(), "writing at an index does not append");
        state.word(ClassificationState.WORDS - 1, 7);
        assertEquals(7, state.word(ClassificationState.WORDS - 1));
    }

    @Test
    void aPoolNeedsASlot() {
        assertThrows(IllegalArgumentException.class, () -> new ClassificationPool(0, 16));
        assertThrows(IllegalArgumentException.class, () -> new ClassificationPool(1, -1));
    }
}
