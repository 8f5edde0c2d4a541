package org.apptrack.apptrack.engine.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerWheelTest {

    private final long[] deadline = new long[64];
    private final TimerWheel.Deadlines fn = id -> deadline[id];
    private final int[] ids = new int[64];
    private final long[] ds = new long[64];

    private int[] poll(TimerWheel w, long now) {
        int n = w.poll(now, fn, ids, ds);
        return Arrays.copyOf(ids, n);
    }

    @Test
    void dueInDeadlineOrderAtMostOneTickLate() {
        TimerWheel w = new TimerWheel(64, 16, 10);
        poll(w, 0);
        deadline[1] = 55;
        deadline[2] = 31;
        deadline[3] = 31;
        deadline[4] = 500; // several revolutions away
        for (int i = 1; i <= 4; i++) {
            w.schedule(i, deadline[i]);
        }
        assertArrayEquals(new int[0], poll(w, 30));
        assertArrayEquals(new int[] {2, 3}, poll(w, 45));
        assertArrayEquals(new int[0], poll(w, 54));
        assertArrayEquals(new int[] {1}, poll(w, 60));
        assertArrayEquals(new int[0], poll(w, 499));
        assertArrayEquals(new int[] {4}, poll(w, 509));
        assertEquals(0, w.size());
    }

    @Test
    void lazyLaterDeadlineAndEagerEarlierOne() {
        TimerWheel w = new TimerWheel(64, 16, 10);
        poll(w, 0);
        deadline[5] = 100;
        w.schedule(5, 100);
        deadline[5] = 300; // a packet pushed it later: no call
        assertArrayEquals(new int[0], poll(w, 200));
        assertTrue(w.isScheduled(5));
        deadline[5] = 250; // earlier: re-schedule
        w.schedule(5, 250);
        assertArrayEquals(new int[] {5}, poll(w, 259));
        assertEquals(250, ds[0]);
        assertFalse(w.isScheduled(5));
    }

    @Test
    void cancelAndBigJump() {
        TimerWheel w = new TimerWheel(64, 8, 1);
        poll(w, 0);
        for (int i = 0; i < 20; i++) {
            deadline[i] = 1000 - i * 7;
            w.schedule(i, deadline[i]);
        }
        w.cancel(3);
        int[] due = poll(w, 1_000_000);
        assertEquals(19, due.length);
        for (int i = 1; i < due.length; i++) {
            assertTrue(ds[i] >= ds[i - 1]);
        }
        assertEquals(0, w.size());
    }

    @Test
    void randomAgainstBruteForce() {
        Random r = new Random(42);
        TimerWheel w = new TimerWheel(64, 32, 7);
        poll(w, 0);
        boolean[] sched = new boolean[64];
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            int id = r.nextInt(64);
            int op = r.nextInt(3);
            if (op == 0) {
                deadline[id] = now + 1 + r.nextInt(2000);
                w.schedule(id, deadline[id]);
                sched[id] = true;
            } else if (op == 1 && sched[id]) {
                deadline[id] += r.nextInt(100); // lazy: later
            } else {
                now += r.nextInt(50);
                int n = w.poll(now, fn, ids, ds);
                for (int i = 0; i < n; i++) {
                    assertTrue(sched[ids[i]]);
                    assertTrue(deadline[ids[i]] <= now);
                    assertTrue(deadline[ids[i]] > now - 7 - 50, "at most one tick late (after this poll's step)");
                    sched[ids[i]] = false;
                }
                for (int i = 0; i < 64; i++) {
                    if (sched[i]) {
                        assertTrue(deadline[i] > now - 7, "overdue by more than a tick: " + i);
                    }
                }
            }
        }
    }

    @Test
    void sortByDeadlineTiesById() {
        int[] i = {5, 2, 9, 1};
        long[] d = {30, 10, 10, 20};
        TimerWheel.sortByDeadline(i, d, 4);
        assertArrayEquals(new int[] {2, 9, 1, 5}, i);
        assertArrayEquals(new long[] {10, 10, 20, 30}, d);
    }
}
