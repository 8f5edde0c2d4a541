package org.apptrack.apptrack.log;

/** The values of one AppTrack message, by field; a text value may be null (written as the field's absent value). */
public interface FieldValues {

    String text(AppTrackField field);

    long number(AppTrackField field);
}
