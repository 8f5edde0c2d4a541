package org.apptrack.appqoe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.appqoe.api.PeriodFigures;
import org.junit.jupiter.api.Test;

class ConsoleFiguresTest {

    @Test
    void microsecondsAreMillisecondsWithThreeDecimalsAndNotMeasuredIsADash() {
        assertEquals("0.000", ConsoleFigures.millis(0));
        assertEquals("0.007", ConsoleFigures.millis(7));
        assertEquals("12.345", ConsoleFigures.millis(12_345));
        assertEquals("4294967.294", ConsoleFigures.millis(PeriodFigures.NOT_MEASURED - 1));
        assertEquals("-", ConsoleFigures.millis(PeriodFigures.NOT_MEASURED));
    }

    @Test
    void lossIsOfTheResolvedProbes() {
        assertEquals("-", ConsoleFigures.lossPercent(0, 0));
        assertEquals("0.00", ConsoleFigures.lossPercent(10, 0));
        assertEquals("33.33", ConsoleFigures.lossPercent(2, 1));
        assertEquals("-", ConsoleFigures.percent(-1));
    }

    @Test
    void dscpCodePointsByJunosName() {
        assertEquals("be (0)", DscpName.of(0));
        assertEquals("cs1 (8)", DscpName.of(8));
        assertEquals("af11 (10)", DscpName.of(10));
        assertEquals("af43 (38)", DscpName.of(38));
        assertEquals("ef (46)", DscpName.of(46));
        assertEquals("cs7 (56)", DscpName.of(56));
        assertEquals("44", DscpName.of(44));
        assertEquals("1", DscpName.of(1));
        assertEquals("42", DscpName.of(42));
    }
}
