package org.apptrack.syslog.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves by hand. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(123_456_789L);

    private RateLimiter limiter(int rate) {
        return new RateLimiter(rate, clock::get);
    }

    private static int take(RateLimiter limiter, int attempts) {
        int passed = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire()) {
                passed++;
            }
        }
        return passed;
    }

    @Test
    void aFullBucketLetsOneSecondsWorthThroughAtOnceThenNothing() {
        RateLimiter limiter = limiter(50);
        assertEquals(50, take(limiter, 1000));
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void tokensComeBackContinuouslyOnePerInterval() {
        RateLimiter limiter = limiter(50);
        take(limiter, 50);
        assertEquals(SECOND / 50, limiter.intervalNanos());
        clock.addAndGet(SECOND / 50 - 1);
        assertFalse(limiter.tryAcquire(), "one nanosecond before the next token");
        clock.addAndGet(1);
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        clock.addAndGet(SECOND / 10);
        assertEquals(5, take(limiter, 100), "a tenth of a second refills five of fifty");
    }

    @Test
    void anIdleBucketFillsUpToItsCapacityAndNoFurther() {
        RateLimiter limiter = limiter(20);
        take(limiter, 20);
        clock.addAndGet(3600 * SECOND);
        assertEquals(20, take(limiter, 1000));
    }

    @Test
    void aSteadyFloodPassesTheRateAndOneBurstAtMost() {
        int rate = 1000;
        RateLimiter limiter = limiter(rate);
        long passed = 0;
        // 10 s of offers every 50 µs: 20 times the rate.
        for (long t = 0; t < 10 * SECOND; t += 50_000) {
            clock.addAndGet(50_000);
            if (limiter.tryAcquire()) {
                passed++;
            }
        }
        assertTrue(passed <= 10L * rate + rate, "passed " + passed);
        assertTrue(passed >= 10L * rate, "passed " + passed);
    }

    @Test
    void anIntervalThatIsNotWholeNanosecondsRoundsTowardsFewerRecords() {
        RateLimiter limiter = limiter(3);
        assertEquals(333_333_334L, limiter.intervalNanos());
        take(limiter, 3);
        long passed = 0;
        for (int ms = 0; ms < 60_000; ms++) {
            clock.addAndGet(1_000_000);
            if (limiter.tryAcquire()) {
                passed++;
            }
        }
        assertEquals(179, passed, "60 s at 3/s less the rounding of 180 intervals (120 ns)");
    }

    @Test
    void theHighestRateIsExact() {
        RateLimiter limiter = limiter(1_000_000);
        assertEquals(1000, limiter.intervalNanos());
        assertEquals(1_000_000, take(limiter, 2_000_000));
        clock.addAndGet(SECOND);
        assertEquals(1_000_000, take(limiter, 2_000_000));
    }

    @Test
    void keepsCountingWhenTheNanosecondClockWraps() {
        clock.set(Long.MAX_VALUE - SECOND / 2);
        RateLimiter limiter = limiter(10);
        assertEquals(10, take(limiter, 100));
        clock.addAndGet(SECOND); // past Long.MAX_VALUE
        assertEquals(10, take(limiter, 100));
        clock.addAndGet(SECOND / 10);
        assertEquals(1, take(limiter, 100));
    }

    @Test
    void concurrentProducersNeverTakeMoreTokensThanTheBucketHolds() throws Exception {
        RateLimiter limiter = limiter(10_000);
        AtomicInteger passed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                passed.addAndGet(take(limiter, 20_000));
            });
            threads[i].start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(10_000, passed.get());
    }

    @Test
    void aRateBelowOneIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0));
    }
}
