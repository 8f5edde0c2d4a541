package org.apptrack.capture.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every capture of the nDPI test set (pcap and pcapng; Ethernet, Linux SLL, NULL and raw IP)
 * read and compared frame by frame with tshark.
 */
class CaptureFileReaderNdpiTest {

    private static List<Path> captures() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Reference.NDPI), TestData.missing(Reference.NDPI));
        try (Stream<Path> files = Files.list(Reference.NDPI)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaptureMatchesTshark() throws IOException {
        List<Path> files = captures();
        Reference.assumeTshark();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> Reference.assertMatchesTshark(f, true)));
    }

    /** Windows far smaller than the records: every record straddles a window end at some point. */
    @TestFactory
    Stream<DynamicTest> tinyWindowsReadTheSameFrames() throws IOException {
        return captures().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Reference.Ours whole = Reference.read(f);
            Reference.Ours small = Reference.read(f, 4096);
            assertEquals(whole.frames.size(), small.frames.size());
            for (int k = 0; k < whole.frames.size(); k++) {
                Reference.OurFrame a = whole.frames.get(k);
                Reference.OurFrame b = small.frames.get(k);
                assertEquals(a.timestamp, b.timestamp);
                assertEquals(a.length, b.length);
                assertEquals(a.wireLength, b.wireLength);
                assertEquals(a.interfaceIndex, b.interfaceIndex);
                assertArrayEquals(a.head, b.head);
            }
        }));
    }

    @Test
    void countsEqualCapinfos() throws Exception {
        List<Path> files = captures();
        Reference.assumeTshark();
        Map<String, Integer> linkTypes = new TreeMap<>();
        for (Path f : files) {
            try (CaptureFileReader reader = CaptureFileReader.open(f)) {
                long n = reader.readAll((i, ts, frame, wire) -> { });
                assertEquals(Reference.capinfosCount(f), n, f.toString());
                assertEquals(0, reader.truncatedRecords(), f.toString());
                for (CaptureInterface i : reader.interfaces()) {
                    assertNotNull(i.linkType(), f + ": " + i);
                    linkTypes.merge((reader.isPcapng() ? "pcapng " : "pcap ") + i.linkType(), 1, Integer::sum);
                }
            }
        }
        System.out.println("nDPI captures: " + files.size() + " files, interfaces by format and link type: " + linkTypes);
    }
}
