package org.apptrack.apptrack.appid.dissect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.junit.jupiter.api.Test;

/** The first line of a text protocol, found without reading a binary payload to its end. */
class PayloadTextLineTest {

    private static final int AT = 7;

    private static Payload payload(byte[] bytes) {
        byte[] frame = new byte[AT + bytes.length + 3];
        System.arraycopy(bytes, 0, frame, AT, bytes.length);
        frame[AT + bytes.length] = '\r'; // past the payload's end: never read
        frame[AT + bytes.length + 1] = '\n';
        ClassificationPool pool = new ClassificationPool(1, 0);
        return new Payload().set(ByteBuffer.wrap(frame), AT, bytes.length, true, 6, 40000, 25, 0,
                pool.state(pool.acquire()));
    }

    private static Payload text(String s) {
        return payload(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aLineOfTextEndsAtItsFirstCrLf() {
        assertEquals(8, text("EHLO a.b\r\nMAIL FROM:<x>\r\n").textLineEnd(0));
        assertEquals(8, text("\tEHLO ab\r\n").textLineEnd(0), "tab is text");
        assertEquals(12, text("EHLO a.b\r\nxy\r\n").textLineEnd(10));
    }

    @Test
    void textWithoutALineEndIsUnfinishedAndALoneCrAtTheEndMayBeHalfOfOne() {
        assertEquals(Payload.LINE_UNFINISHED, text("USER anonymous").textLineEnd(0));
        assertEquals(Payload.LINE_UNFINISHED, text("USER anonymous\r").textLineEnd(0));
        assertEquals(Payload.LINE_UNFINISHED, text("").textLineEnd(0));
    }

    @Test
    void aByteThatIsNotTextBeforeTheLineEndStopsTheSearchThere() {
        assertEquals(Payload.NOT_TEXT, text("EHLO \u0000a\r\n").textLineEnd(0));
        assertEquals(Payload.NOT_TEXT, text("EHLO \u00e9\r\n").textLineEnd(0));
        assertEquals(Payload.NOT_TEXT, text("EHLO\ra\r\n").textLineEnd(0), "a CR not followed by LF");
        assertEquals(Payload.NOT_TEXT, text("EHLO\na\r\n").textLineEnd(0), "a bare LF");
        assertEquals(Payload.NOT_TEXT, payload(new byte[] {0x16, 3, 1, 0, 5, '\r', '\n'}).textLineEnd(0));
    }
}
