package org.apptrack.apptrack.appid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apptrack.apptrack.api.IpAddresses;
import org.junit.jupiter.api.Test;

/** Longest-prefix match over the session table's address form, IPv4 (mapped) and IPv6. */
class AddressMatcherTest {

    private static long v4(int a, int b, int c, int d) {
        return IpAddresses.ipv4Low(a << 24 | b << 16 | c << 8 | d);
    }

    private static AddressMatcher matcher() {
        AddressMatcher.Builder b = AddressMatcher.builder();
        b.add(AddressPrefix.parse("157.240.0.0/17"), 1);
        b.add(AddressPrefix.parse("157.240.3.54/31"), 2);
        b.add(AddressPrefix.parse("2001:b28:f23c::/47"), 3);
        b.add(AddressPrefix.parse("91.108.4.0/22"), 4);
        return b.build();
    }

    @Test
    void theLongestPrefixHoldingTheAddressWins() {
        AddressMatcher m = matcher();
        assertEquals(2, m.match(0, v4(157, 240, 3, 55)), "inside the /31");
        assertEquals(1, m.match(0, v4(157, 240, 3, 56)), "outside it, inside the /17");
        assertEquals(1, m.match(0, v4(157, 240, 127, 255)));
        assertEquals(0, m.match(0, v4(157, 240, 128, 0)), "just past the /17");
        assertEquals(4, m.match(0, v4(91, 108, 7, 255)));
        assertEquals(0, m.match(0, v4(91, 108, 8, 0)));
        assertEquals(4, m.size());
    }

    @Test
    void ipv6PrefixesMatchIpv6AddressesOnly() {
        AddressMatcher m = matcher();
        assertEquals(3, m.match(0x2001_0b28_f23d_0000L, 1L), "2001:b28:f23d::1 is inside the /47");
        assertEquals(0, m.match(0x2001_0b28_f23e_0000L, 1L));
        assertEquals(0, m.match(0, 0x9df0_0337L), "::157.240.3.55 is not an IPv4-mapped address");
    }

    @Test
    void anEmptyMatcherMatchesNothingAndADefaultRouteMatchesAll() {
        assertEquals(0, AddressMatcher.empty().match(0, v4(1, 2, 3, 4)));
        AddressMatcher.Builder b = AddressMatcher.builder();
        b.add(AddressPrefix.parse("0.0.0.0/0"), 7);
        b.add(AddressPrefix.parse("::/0"), 8);
        AddressMatcher m = b.build();
        assertEquals(7, m.match(0, v4(1, 2, 3, 4)));
        assertEquals(8, m.match(0x2a03_2880_0000_0000L, 0));
    }

    @Test
    void aPrefixAddedTwiceKeepsItsFirstValue() {
        AddressMatcher.Builder b = AddressMatcher.builder();
        assertTrue(b.add(AddressPrefix.parse("10.0.0.0/8"), 1));
        assertFalse(b.add(AddressPrefix.parse("10.0.0.0/8"), 2));
        assertEquals(1, b.build().match(0, v4(10, 1, 2, 3)));
    }

    @Test
    void prefixesParseStrictly() {
        AddressPrefix p = AddressPrefix.parse("2001:4860:4864:6::/64");
        assertEquals("2001:4860:4864:6::/64", p.toString());
        assertEquals(64, p.length());
        assertEquals("185.76.151.0/24", AddressPrefix.parse("185.76.151.0/24").toString());
        assertEquals(120, AddressPrefix.parse("185.76.151.0/24").length());
        assertEquals("1.2.3.4/32", AddressPrefix.parse("1.2.3.4").toString());
        assertTrue(AddressPrefix.parse("31.13.64.0/18").contains(0, v4(31, 13, 127, 1)));
        for (String bad : new String[] {"1.2.3/24", "1.2.3.4/", "1.2.3.4/x", "01234.1.1.1/8", "::1::/8", "g::/16",
                "1:2:3:4:5:6:7:8:9/64", "1.2.3.0/24/1", ""}) {
            assertThrows(IllegalArgumentException.class, () -> AddressPrefix.parse(bad), bad);
        }
    }
}
