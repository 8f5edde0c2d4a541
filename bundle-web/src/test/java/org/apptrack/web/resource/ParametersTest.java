package org.apptrack.web.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apptrack.web.errors.BadParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParametersTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "' 42 ', 42", "+7, 7", "1000000, 1000000"})
    void integersWithinTheRange(String text, long value) {
        assertEquals(value, Parameters.integer("limit", text, 1, 1_000_000));
    }

    @ParameterizedTest
    @CsvSource({
        "0, limit: out of range 1..1000000: 0",
        "-3, limit: out of range 1..1000000: -3",
        "2147483648, limit: out of range 1..1000000: 2147483648",
        "9223372036854775808, limit: out of range 1..1000000: 9223372036854775808",
        "1e3, limit: not a number: 1e3",
        "12a, limit: not a number: 12a",
        "'', 'limit: not a number: '",
    })
    void outOfRangeSaysSoEvenBeyondLong(String text, String message) {
        BadParameterException e = assertThrows(BadParameterException.class,
                () -> Parameters.integer("limit", text, 1, 1_000_000));
        assertEquals("limit", e.parameter());
        assertEquals(message, e.getMessage());
    }
}
