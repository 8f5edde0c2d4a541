package org.apptrack.capture.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apptrack.capture.frame.LinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interfaces of a capture file by global index (pcapng: counted over all sections), and the
 * warnings about them.
 */
final class InterfaceTable {

    // Logged under the reader's name, which is what users configure.
    private static final Logger LOG = LoggerFactory.getLogger(CaptureFileReader.class);

    private final String fileName;
    private InterfaceState[] states = new InterfaceState[4];
    private int size;
    private final List<String> snapWarnings = new ArrayList<>();

    InterfaceTable(String fileName) {
        this.fileName = fileName;
    }

    /** Adds the next interface; see {@link InterfaceState} for the parameters. */
    InterfaceState add(String name, int linkTypeCode, int snapLength, int resolution, long offsetSeconds) {
        int index = size;
        InterfaceState state = new InterfaceState(index, name, linkTypeCode, snapLength, resolution, offsetSeconds);
        if (index == states.length) {
            states = Arrays.copyOf(states, index * 2);
        }
        states[index] = state;
        size++;
        int min = CaptureFileReader.MIN_USEFUL_SNAP_LENGTH;
        if (snapLength > 0 && snapLength < min) {
            String warning = fileName + ": interface " + name + " snap length " + snapLength
                    + " is shorter than Ethernet+IPv4+TCP headers (" + min + "): frames are truncated";
            snapWarnings.add(warning);
            LOG.warn(warning);
        }
        if (state.linkType == null) {
            LOG.warn("{}: interface {} has unsupported link type {}: its frames are skipped", fileName, name,
                    linkTypeCode);
        }
        return state;
    }

    int size() {
        return size;
    }

    InterfaceState get(int index) {
        return states[index];
    }

    /** A snapshot of the descriptions, unmodifiable. */
    List<CaptureInterface> descriptions() {
        List<CaptureInterface> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(states[i].description);
        }
        return Collections.unmodifiableList(list);
    }

    /** Fails when there are interfaces but none has a link type that can be turned into Ethernet. */
    void checkLinkTypes() throws CaptureFormatException {
        if (size == 0) {
            return;
        }
        Set<Integer> codes = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            if (states[i].linkType != null) {
                return;
            }
            codes.add(states[i].description.linkTypeCode());
        }
        StringBuilder supported = new StringBuilder();
        for (LinkType t : LinkType.values()) {
            supported.append(supported.length() == 0 ? "" : ", ").append(t).append(" (").append(t.code()).append(')');
        }
        String list = codes.toString().replaceAll("[\\[\\]]", "");
        throw new CaptureFormatException(fileName + ": unsupported link type " + list
                + ": no interface has a link type that can be turned into Ethernet (supported: " + supported + ")");
    }

    /** The snap length warnings joined by "; ", or null. */
    String snapLengthWarning() {
        return snapWarnings.isEmpty() ? null : String.join("; ", snapWarnings);
    }
}
