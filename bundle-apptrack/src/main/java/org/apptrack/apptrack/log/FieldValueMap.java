package org.apptrack.apptrack.log;

import java.util.EnumMap;
import java.util.Map;

/**
 * Field values set one by one (tests, benchmarks, the samples of real devices): a field not set
 * is absent ({@code N/A}, 0). NAT fields not set repeat the original address or port (no NAT).
 */
public final class FieldValueMap implements FieldValues {

    private final Map<AppTrackField, String> texts = new EnumMap<>(AppTrackField.class);
    private final Map<AppTrackField, Long> numbers = new EnumMap<>(AppTrackField.class);

    public FieldValueMap set(AppTrackField field, String value) {
        if (field.isNumeric()) {
            throw new IllegalArgumentException(field.wireName() + " is a number");
        }
        texts.put(field, value);
        return this;
    }

    public FieldValueMap set(AppTrackField field, long value) {
        if (!field.isNumeric()) {
            throw new IllegalArgumentException(field.wireName() + " is text");
        }
        numbers.put(field, value);
        return this;
    }

    @Override
    public String text(AppTrackField field) {
        switch (field) {
            case NAT_SOURCE_ADDRESS:
                return texts.getOrDefault(field, texts.get(AppTrackField.SOURCE_ADDRESS));
            case NAT_DESTINATION_ADDRESS:
                return texts.getOrDefault(field, texts.get(AppTrackField.DESTINATION_ADDRESS));
            default:
                return texts.get(field);
        }
    }

    @Override
    public long number(AppTrackField field) {
        switch (field) {
            case NAT_SOURCE_PORT:
                return numbers.getOrDefault(field, numbers.getOrDefault(AppTrackField.SOURCE_PORT, 0L));
            case NAT_DESTINATION_PORT:
                return numbers.getOrDefault(field, numbers.getOrDefault(AppTrackField.DESTINATION_PORT, 0L));
            default:
                return numbers.getOrDefault(field, 0L);
        }
    }
}
