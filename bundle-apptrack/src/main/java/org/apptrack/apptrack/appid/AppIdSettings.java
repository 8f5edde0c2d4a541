package org.apptrack.apptrack.appid;

import java.util.concurrent.TimeUnit;

/**
 * Application identification's limits: how much of a session is inspected (packets and payload
 * bytes per direction) and the application system cache (entries, time to live). Immutable;
 * invalid values are rejected with a message that starts with the property's name.
 */
public final class AppIdSettings {

    public static final int DEFAULT_PACKETS_PER_DIRECTION = 16;
    public static final int DEFAULT_BYTES_PER_DIRECTION = 16384;
    public static final int DEFAULT_CACHE_ENTRIES = 65536;
    public static final long DEFAULT_CACHE_SECONDS = 3600;

    private final int packetsPerDirection;
    private final int bytesPerDirection;
    private final int cacheEntries;
    private final long cacheNanos;

    public AppIdSettings(int packetsPerDirection, int bytesPerDirection, int cacheEntries, long cacheSeconds) {
        if (packetsPerDirection < 1 || packetsPerDirection > 255) {
            throw new IllegalArgumentException("appidPacketsPerDirection must be 1..255: " + packetsPerDirection);
        }
        if (bytesPerDirection < 1 || bytesPerDirection > 65535) {
            throw new IllegalArgumentException("appidBytesPerDirection must be 1..65535: " + bytesPerDirection);
        }
        if (cacheEntries < 1 || cacheEntries > 1 << 24) {
            throw new IllegalArgumentException("appidCacheEntries must be 1..16777216: " + cacheEntries);
        }
        if (cacheSeconds < 1 || cacheSeconds > 7 * 86400) {
            throw new IllegalArgumentException("appidCacheSeconds must be 1..604800: " + cacheSeconds);
        }
        this.packetsPerDirection = packetsPerDirection;
        this.bytesPerDirection = bytesPerDirection;
        this.cacheEntries = cacheEntries;
        this.cacheNanos = TimeUnit.SECONDS.toNanos(cacheSeconds);
    }

    public static AppIdSettings defaults() {
        return new AppIdSettings(DEFAULT_PACKETS_PER_DIRECTION, DEFAULT_BYTES_PER_DIRECTION, DEFAULT_CACHE_ENTRIES,
                DEFAULT_CACHE_SECONDS);
    }

    /** Packets of one direction inspected at most (empty ones included). */
    public int packetsPerDirection() {
        return packetsPerDirection;
    }

    /** Payload bytes of one direction inspected at most. */
    public int bytesPerDirection() {
        return bytesPerDirection;
    }

    public int cacheEntries() {
        return cacheEntries;
    }

    public long cacheNanos() {
        return cacheNanos;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AppIdSettings)) {
            return false;
        }
        AppIdSettings s = (AppIdSettings) o;
        return packetsPerDirection == s.packetsPerDirection && bytesPerDirection == s.bytesPerDirection
                && cacheEntries == s.cacheEntries && cacheNanos == s.cacheNanos;
    }

    @Override
    public int hashCode() {
        return ((packetsPerDirection * 31 + bytesPerDirection) * 31 + cacheEntries) * 31 + Long.hashCode(cacheNanos);
    }
}
