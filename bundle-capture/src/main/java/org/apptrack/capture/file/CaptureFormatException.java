package org.apptrack.capture.file;

import java.io.IOException;

/**
 * A file is not a capture file, or is corrupt beyond reading on. The message names the file and,
 * for corruption inside the file, the byte offset of the bad record.
 */
public final class CaptureFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /** @param message the complete message, starting with the file name */
    public CaptureFormatException(String message) {
        this(message, -1);
    }

    /**
     * @param message the complete message, starting with the file name
     * @param offset the byte offset of the bad record, or -1
     */
    public CaptureFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** A corrupt record: "FILE: corrupt FORMAT file at byte offset OFFSET: WHAT". */
    static CaptureFormatException corrupt(String file, String format, long offset, String what) {
        return new CaptureFormatException(file + ": corrupt " + format + " file at byte offset " + offset + ": "
                + what, offset);
    }

    /** The byte offset of the corrupt record in the file, or -1 when it is the file as a whole. */
    public long offset() {
        return offset;
    }
}
