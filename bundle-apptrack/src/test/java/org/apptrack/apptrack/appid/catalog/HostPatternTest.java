package org.apptrack.apptrack.appid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {

    @ParameterizedTest
    @CsvSource({
        "youtube.com, youtube.com",
        "YouTube.COM, youtube.com",
        "*.youtube.com, youtube.com",
        ".youtube.com, youtube.com",
        "youtube.com., youtube.com",
        "r3---sn-abc.googlevideo.com, r3---sn-abc.googlevideo.com",
        "_dmarc.example.org, _dmarc.example.org",
        "xn--bcher-kva.example, xn--bcher-kva.example",
    })
    void aDomainIsNormalised(String text, String normalised) {
        HostPattern p = HostPattern.parse(text);
        assertEquals(normalised, p.toString());
        assertFalse(p.anyTopLevel());
    }

    @ParameterizedTest
    @CsvSource({"google.*, google", "Maps.Google.*, maps.google", "*.amazon.*, amazon"})
    void aNameUnderAnyTopLevelDomainKeepsItsFixedLabels(String text, String labels) {
        HostPattern p = HostPattern.parse(text);
        assertTrue(p.anyTopLevel());
        assertEquals(labels, p.labels());
        assertEquals(labels + ".*", p.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "com", ".com", "*.com", "a..b", "a.b..", "www.exa mple.com", "www.ex*mple.com",
        "*", ".*", "bücher.de", "tab\there.com", "www.example.com:443", "-", "a.b.*.c"})
    void whatIsNotAHostNameIsRejectedWithTheReason(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPattern.parse(text));
        assertTrue(e.getMessage().length() > 5, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 300})
    void overLongLabelsAndNamesAreRejected(int length) {
        String label = "a".repeat(length);
        assertThrows(IllegalArgumentException.class, () -> HostPattern.parse(label + ".com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.youtube.com", ".youtube.com", "YOUTUBE.com", "youtube.com."})
    void equalAfterNormalisation(String text) {
        assertEquals(HostPattern.parse("youtube.com"), HostPattern.parse(text));
    }
}
