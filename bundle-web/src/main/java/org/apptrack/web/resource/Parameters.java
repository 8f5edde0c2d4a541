package org.apptrack.web.resource;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.apptrack.web.errors.BadParameterException;

/** Parsing of numeric parameters, with errors that name the parameter. */
public final class Parameters {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private Parameters() {
    }

    /**
     * The integer {@code text} if it is within {@code min..max}.
     *
     * @throws BadParameterException "NAME: not a number: TEXT" or, for an integer of any size
     *     outside the range, "NAME: out of range MIN..MAX: TEXT"
     */
    public static long integer(String name, String text, long min, long max) {
        String t = text == null ? "" : text.trim();
        if (!INTEGER.matcher(t).matches()) {
            throw new BadParameterException(name, name + ": not a number: " + text);
        }
        BigInteger n = new BigInteger(t);
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new BadParameterException(name, name + ": out of range " + min + ".." + max + ": " + t);
        }
        return n.longValueExact();
    }
}
