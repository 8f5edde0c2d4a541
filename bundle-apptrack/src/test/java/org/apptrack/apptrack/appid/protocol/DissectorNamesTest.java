package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.NamesCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.naming.CatalogIdentification;
import org.junit.jupiter.api.Test;

/** Every application a dissector can name is in the bundled catalog (else it would name it UNKNOWN). */
class DissectorNamesTest {

    @Test
    void everyNameADissectorAsksForIsInTheBundledCatalog() {
        CatalogIdentification bundled = CatalogIdentification.bundled();
        List<String> missing = new ArrayList<>();
        IdentificationCatalog recording = new NamesCatalog() {
            @Override
            public int id(String name) {
                if (bundled.id(name) == 0) {
                    missing.add(name);
                }
                return super.id(name);
            }
        };
        StandardDissectors.create(recording);
        assertEquals(List.of(), missing);
    }
}
