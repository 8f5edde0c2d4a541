package org.apptrack.tool.accuracy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Address literals as the labels and the sessions write them, parsed without any name lookup.
 * ndpiReader writes some IPv6 addresses with a {@code ::} of its own that stands for exactly one
 * zero group ({@code :0:} rewritten), next to glibc's {@code ::}: text with two of them is read
 * every way it can be undone.
 */
final class AddressText {

    private AddressText() {
    }

    /** The addresses {@code text} can stand for: one for a valid literal, none for garbage. */
    static List<InetAddress> candidates(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        List<InetAddress> result = new ArrayList<>();
        if (InetAddresses.isInetAddress(literal)) {
            result.add(InetAddresses.forString(literal));
            return result;
        }
        for (int at = literal.indexOf("::"); at >= 0; at = literal.indexOf("::", at + 1)) {
            String undone = literal.substring(0, at) + ":0:" + literal.substring(at + 2);
            if (InetAddresses.isInetAddress(undone)) {
                InetAddress a = InetAddresses.forString(undone);
                if (!result.contains(a)) {
                    result.add(a);
                }
            }
        }
        return result;
    }
}
