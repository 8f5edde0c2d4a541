package org.apptrack.apptrack.offload;

import org.onosproject.store.service.AsyncConsistentMap;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.ConsistentMapBuilder;
import org.onosproject.store.service.StorageServiceAdapter;
import org.onosproject.store.service.TestConsistentMap;

/** The cluster's storage as two nodes see it: every node that builds the offload map gets the same one. */
final class SharedStorage extends StorageServiceAdapter {

    private final ConsistentMap<Object, Object> map = newMap();

    @SuppressWarnings("unchecked")
    private static ConsistentMap<Object, Object> newMap() {
        TestConsistentMap.Builder<Object, Object> b = TestConsistentMap.builder();
        b.withName(OffloadManager.MAP_NAME);
        return b.build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ConsistentMapBuilder<K, V> consistentMapBuilder() {
        return new ConsistentMapBuilder<K, V>() {
            @Override
            public ConsistentMap<K, V> build() {
                return (ConsistentMap<K, V>) (ConsistentMap<?, ?>) map;
            }

            @Override
            public AsyncConsistentMap<K, V> buildAsyncMap() {
                throw new UnsupportedOperationException();
            }
        };
    }

    int size() {
        return map.size();
    }
}
