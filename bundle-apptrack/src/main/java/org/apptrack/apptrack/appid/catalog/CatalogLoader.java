package org.apptrack.apptrack.appid.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates a catalog file (JSON, format {@value #FORMAT}):
 * <pre>
 * {
 *   "format": 1,
 *   "version": "2025.06.1",
 *   "categories": { "Web": ["Social-Networking", "Search", ...], "Infrastructure": [...], ... },
 *   "applications": [
 *     { "name": "YOUTUBE", "category": "Multimedia", "subCategory": "Video-Streaming",
 *       "risk": "moderate", "role": "nested-application", "defaultServices": ["tcp/443"],
 *       "hostNames": ["youtube.com", "googlevideo.com", "youtube.*"], "ndpiNames": ["YouTube"] },
 *     { "name": "TELEGRAM", ..., "addresses": ["91.108.4.0/22", "2001:b28:f23c::/47"] },
 *     ...
 *   ]
 * }
 * </pre>
 * Every error names the entry and the field ({@code applications[12].risk: 'medium' is not one
 * of low, moderate, high, critical, unsafe (HTTP)}); all of them are reported at once, up to a
 * hundred. Rejected: unknown fields, duplicate keys, duplicate names, a host name or an nDPI name
 * claimed twice, a default port claimed by two applications that carry sessions (the port guess
 * would be ambiguous), host names on an application that only carries sessions, an address
 * prefix with bits set beyond its length or claimed twice. {@code addresses} are the service's
 * own published ranges: a session to one that its payload does not name otherwise is the
 * service's (the longest prefix decides). The name
 * {@code UNKNOWN} is id 0's: the file may declare it (category and sub-category {@code N/A},
 * for its nDPI aliases), nothing else.
 */
public final class CatalogLoader {

    /** The file format this loader reads. */
    public static final int FORMAT = 1;
    /** Larger files are refused before parsing (the bundled one is a few hundred kilobytes). */
    public static final int MAX_FILE_BYTES = 16 << 20;
    /** Catalog ids are 1..32767 (the ids above are custom applications'); id 0 is UNKNOWN. */
    public static final int MAX_APPLICATIONS = 0x7FFF;
    static final int MAX_ERRORS = 100;
    private static final int MAX_HOST_NAMES = 1_000_000;
    private static final int MAX_ADDRESSES = 200_000;
    private static final int MAX_VERSION_LENGTH = 64;

    static final String UNKNOWN = "UNKNOWN";
    static final String NOT_APPLICABLE = "N/A";

    private static final Pattern NAME = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,62}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Za-z0-9-]{0,62}");
    private static final Pattern NDPI_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e][\\x20-\\x7e]*");
    private static final List<String> TOP_FIELDS = List.of("format", "version", "categories", "applications");
    private static final List<String> ENTRY_FIELDS = List.of("name", "category", "subCategory", "risk", "role",
            "defaultServices", "hostNames", "addresses", "ndpiNames");

    /** Strict: a key twice in one object or anything after the top-level object is an error. */
    private final ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads and validates a catalog.
     *
     * @param source what to call the file in messages (a path, "bundled")
     * @throws CatalogException listing every problem found
     */
    public CatalogDefinition load(InputStream in, String source) throws CatalogException {
        byte[] bytes;
        try {
            bytes = readBounded(in);
        } catch (IOException e) {
            throw new CatalogException(source, List.of("cannot be read: " + e.getMessage()));
        }
        if (bytes == null) {
            throw new CatalogException(source, List.of("larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CatalogException(source, List.of("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")")));
        } catch (IOException e) {
            throw new CatalogException(source, List.of("cannot be read: " + e.getMessage()));
        }
        Validation v = new Validation();
        CatalogDefinition definition = v.catalog(root);
        if (!v.errors.isEmpty()) {
            throw new CatalogException(source, v.errors);
        }
        return definition;
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        byte[] chunk = new byte[1 << 16];
        for (int n; (n = in.read(chunk)) > 0; ) {
            out.write(chunk, 0, n);
            if (out.size() > MAX_FILE_BYTES) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** One validation run: its errors and what the entries claimed so far. */
    private static final class Validation {
        private final List<String> errors = new ArrayList<>();
        private final Map<String, Integer> names = new HashMap<>();
        private final Map<HostPattern, Integer> hostOwners = new HashMap<>();
        private final Map<String, Integer> ndpiOwners = new HashMap<>();
        private final Map<AddressPrefix, Integer> addressOwners = new HashMap<>();
        private final char[][] portOwners = new char[2][65536];
        private final List<String> entryNames = new ArrayList<>();
        private Map<String, List<String>> categories = Map.of();
        private int hostNameCount;

        void error(String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(message);
            } else if (errors.size() == MAX_ERRORS) {
                errors.add("(more errors not shown)");
            }
        }

        CatalogDefinition catalog(JsonNode root) {
            if (root == null || !root.isObject()) {
                error("the file is not a JSON object");
                return null;
            }
            unknownFields(root, "", TOP_FIELDS);
            JsonNode format = root.get("format");
            if (format == null) {
                error("format: missing (this version reads format " + FORMAT + ")");
            } else if (!format.isIntegralNumber() || format.asLong() != FORMAT) {
                error("format: " + format + " is not a format this version reads (" + FORMAT + ")");
            }
            String version = null;
            JsonNode v = root.get("version");
            if (v == null) {
                error("version: missing");
            } else if (!v.isTextual() || v.asText().length() > MAX_VERSION_LENGTH
                    || !PRINTABLE.matcher(v.asText()).matches()) {
                error("version: must be a non-empty string of printable characters, at most " + MAX_VERSION_LENGTH);
            } else {
                version = v.asText();
            }
            categories = categories(root.get("categories"));
            List<ApplicationDefinition> applications = applications(root.get("applications"));
            return new CatalogDefinition(version, categories, applications);
        }

        private Map<String, List<String>> categories(JsonNode node) {
            if (node == null) {
                error("categories: missing");
                return Map.of();
            }
            if (!node.isObject() || node.size() == 0) {
                error("categories: must be an object of category -> [sub-categories]");
                return Map.of();
            }
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "categories." + e.getKey();
                if (!CATEGORY.matcher(e.getKey()).matches()) {
                    error(where + ": '" + e.getKey() + "' is not a category name (a capital, then letters, digits, '-')");
                    continue;
                }
                List<String> subs = new ArrayList<>();
                if (!e.getValue().isArray()) {
                    error(where + ": must be an array of sub-category names");
                    continue;
                }
                for (int i = 0; i < e.getValue().size(); i++) {
                    JsonNode s = e.getValue().get(i);
                    if (!s.isTextual() || !CATEGORY.matcher(s.asText()).matches()) {
                        error(where + "[" + i + "]: " + s + " is not a sub-category name (a capital, then letters,"
                                + " digits, '-'; N/A is always allowed and not listed)");
                    } else if (subs.contains(s.asText())) {
                        error(where + "[" + i + "]: '" + s.asText() + "' is listed twice");
                    } else {
                        subs.add(s.asText());
                    }
                }
                result.put(e.getKey(), Collections.unmodifiableList(subs));
            }
            return result;
        }

        private List<ApplicationDefinition> applications(JsonNode node) {
            List<ApplicationDefinition> result = new ArrayList<>();
            if (node == null) {
                error("applications: missing");
                return result;
            }
            if (!node.isArray() || node.size() == 0) {
                error("applications: must be a non-empty array");
                return result;
            }
            if (node.size() > MAX_APPLICATIONS) {
                error("applications: " + node.size() + " entries, at most " + MAX_APPLICATIONS + " fit the catalog's ids");
                return result;
            }
            for (int i = 0; i < node.size(); i++) {
                ApplicationDefinition a = application(node.get(i), i);
                if (a != null) {
                    result.add(a);
                }
            }
            return result;
        }

        private ApplicationDefinition application(JsonNode node, int index) {
            String at = "applications[" + index + "]";
            if (!node.isObject()) {
                entryNames.add(null);
                error(at + ": not an object");
                return null;
            }
            int errorsBefore = errors.size();
            unknownFields(node, at + ".", ENTRY_FIELDS);
            String name = text(node, at, "name");
            entryNames.add(name);
            String of = "";
            if (name != null) {
                if (!NAME.matcher(name).matches()) {
                    error(at + ".name: '" + name + "' is not a Junos application name (upper case letters, digits,"
                            + " '.', '-', '_'; at most 63)");
                } else if (names.containsKey(name)) {
                    error(at + ".name: '" + name + "' is already applications[" + names.get(name) + "]");
                } else {
                    names.put(name, index);
                }
                of = " (" + name + ")";
            }
            boolean unknown = UNKNOWN.equals(name);
            String category = text(node, at, "category");
            String subCategory = text(node, at, "subCategory");
            if (unknown) {
                if (category != null && !category.equals(NOT_APPLICABLE)) {
                    error(at + ".category: UNKNOWN's category is " + NOT_APPLICABLE);
                }
                if (subCategory != null && !subCategory.equals(NOT_APPLICABLE)) {
                    error(at + ".subCategory: UNKNOWN's sub-category is " + NOT_APPLICABLE);
                }
            } else if (category != null) {
                List<String> subs = categories.get(category);
                if (subs == null) {
                    error(at + ".category: '" + category + "' is not one of the categories ("
                            + String.join(", ", new TreeSet<>(categories.keySet())) + ")" + of);
                } else if (subCategory != null && !subCategory.equals(NOT_APPLICABLE) && !subs.contains(subCategory)) {
                    error(at + ".subCategory: '" + subCategory + "' is not a sub-category of " + category + " ("
                            + String.join(", ", new TreeSet<>(subs)) + ", " + NOT_APPLICABLE + ")" + of);
                }
            }
            String riskText = text(node, at, "risk");
            Risk risk = riskText == null ? null : Risk.fromText(riskText);
            if (riskText != null && risk == null) {
                error(at + ".risk: '" + riskText + "' is not one of " + Risk.allTexts() + of);
            }
            String roleText = text(node, at, "role");
            ApplicationRole role = roleText == null ? null : ApplicationRole.fromText(roleText);
            if (roleText != null && role == null) {
                error(at + ".role: '" + roleText + "' is not one of " + ApplicationRole.allTexts() + of);
            }
            List<DefaultService> services = defaultServices(node, at, of, index, role, unknown);
            List<HostPattern> hostNames = hostNames(node, at, of, index, role, unknown);
            List<AddressPrefix> addresses = addresses(node, at, of, index, unknown);
            List<String> ndpiNames = ndpiNames(node, at, of, index);
            if (errors.size() > errorsBefore || name == null || category == null || subCategory == null
                    || risk == null || role == null) {
                return null;
            }
            return new ApplicationDefinition(name, category, subCategory, risk, role, services, hostNames, addresses,
                    ndpiNames);
        }

        private List<DefaultService> defaultServices(JsonNode node, String at, String of, int index,
                                                     ApplicationRole role, boolean unknown) {
            List<DefaultService> result = new ArrayList<>();
            List<String> texts = strings(node, at, "defaultServices", of);
            if (unknown && !texts.isEmpty()) {
                error(at + ".defaultServices: UNKNOWN has none");
                return result;
            }
            for (int i = 0; i < texts.size(); i++) {
                String where = at + ".defaultServices[" + i + "]";
                if (texts.get(i) == null) {
                    continue;
                }
                DefaultService s;
                try {
                    s = DefaultService.parse(texts.get(i));
                } catch (IllegalArgumentException e) {
                    error(where + ": " + e.getMessage() + of);
                    continue;
                }
                if (result.contains(s)) {
                    error(where + ": " + s + " is listed twice" + of);
                    continue;
                }
                result.add(s);
                if (role != null && role.carriesSessions()) {
                    claimPorts(s, where, of, index);
                }
            }
            return result;
        }

        private void claimPorts(DefaultService s, String where, String of, int index) {
            char[] owners = portOwners[s.protocol() == DefaultService.TCP ? 0 : 1];
            for (int port = s.firstPort(); port <= s.lastPort(); port++) {
                if (owners[port] != 0) {
                    int other = owners[port] - 1;
                    error(where + ": " + (s.protocol() == DefaultService.TCP ? "tcp/" : "udp/") + port
                            + " is already a default service of " + entryName(other) + " (applications[" + other
                            + "]); one application per port, or the port guess is ambiguous" + of);
                    return;
                }
            }
            for (int port = s.firstPort(); port <= s.lastPort(); port++) {
                owners[port] = (char) (index + 1);
            }
        }

        private List<HostPattern> hostNames(JsonNode node, String at, String of, int index, ApplicationRole role,
                                            boolean unknown) {
            List<HostPattern> result = new ArrayList<>();
            List<String> texts = strings(node, at, "hostNames", of);
            if (texts.isEmpty()) {
                return result;
            }
            if (unknown || (role != null && !role.foundInside())) {
                error(at + ".hostNames: host names name a nested application (role nested-application or both);"
                        + " this one is " + (unknown ? "UNKNOWN" : "an application") + of);
                return result;
            }
            for (int i = 0; i < texts.size(); i++) {
                String where = at + ".hostNames[" + i + "]";
                if (texts.get(i) == null) {
                    continue;
                }
                HostPattern p;
                try {
                    p = HostPattern.parse(texts.get(i));
                } catch (IllegalArgumentException e) {
                    error(where + ": " + e.getMessage() + of);
                    continue;
                }
                Integer other = hostOwners.putIfAbsent(p, index);
                if (other != null) {
                    error(where + ": '" + p + "' is already a host name of " + (other == index ? "this application"
                            : entryName(other) + " (applications[" + other + "])") + of);
                    continue;
                }
                if (++hostNameCount > MAX_HOST_NAMES) {
                    error(where + ": more than " + MAX_HOST_NAMES + " host names in the catalog");
                    return result;
                }
                result.add(p);
            }
            return result;
        }

        private List<AddressPrefix> addresses(JsonNode node, String at, String of, int index, boolean unknown) {
            List<AddressPrefix> result = new ArrayList<>();
            List<String> texts = strings(node, at, "addresses", of);
            if (unknown && !texts.isEmpty()) {
                error(at + ".addresses: UNKNOWN has none");
                return result;
            }
            for (int i = 0; i < texts.size(); i++) {
                String where = at + ".addresses[" + i + "]";
                if (texts.get(i) == null) {
                    continue;
                }
                AddressPrefix p;
                try {
                    p = AddressPrefix.parse(texts.get(i));
                } catch (IllegalArgumentException e) {
                    error(where + ": " + e.getMessage() + of);
                    continue;
                }
                Integer other = addressOwners.putIfAbsent(p, index);
                if (other != null) {
                    error(where + ": " + p + " is already an address of " + (other == index ? "this application"
                            : entryName(other) + " (applications[" + other + "])") + of);
                    continue;
                }
                if (addressOwners.size() > MAX_ADDRESSES) {
                    error(where + ": more than " + MAX_ADDRESSES + " address prefixes in the catalog");
                    return result;
                }
                result.add(p);
            }
            return result;
        }

        private List<String> ndpiNames(JsonNode node, String at, String of, int index) {
            List<String> result = new ArrayList<>();
            List<String> texts = strings(node, at, "ndpiNames", of);
            for (int i = 0; i < texts.size(); i++) {
                String where = at + ".ndpiNames[" + i + "]";
                String n = texts.get(i);
                if (n == null) {
                    continue;
                }
                if (!NDPI_NAME.matcher(n).matches()) {
                    error(where + ": '" + n + "' is not an nDPI protocol name (letters, digits, '.', '-', '_')" + of);
                    continue;
                }
                Integer other = ndpiOwners.putIfAbsent(n.toLowerCase(Locale.ROOT), index);
                if (other != null) {
                    error(where + ": '" + n + "' already stands for " + (other == index ? "this application"
                            : entryName(other) + " (applications[" + other + "])") + of);
                    continue;
                }
                result.add(n);
            }
            return result;
        }

        private String entryName(int index) {
            String n = index < entryNames.size() ? entryNames.get(index) : null;
            return n == null ? "another entry" : n;
        }

        /** A required string field; null (and an error) if missing or not a non-empty string. */
        private String text(JsonNode node, String at, String field) {
            JsonNode f = node.get(field);
            if (f == null) {
                error(at + "." + field + ": missing");
                return null;
            }
            if (!f.isTextual() || f.asText().isEmpty()) {
                error(at + "." + field + ": must be a non-empty string, not " + shorten(f.toString()));
                return null;
            }
            return f.asText();
        }

        /** An optional array of strings; an element that is not a string is reported and left null. */
        private List<String> strings(JsonNode node, String at, String field, String of) {
            JsonNode f = node.get(field);
            if (f == null) {
                return List.of();
            }
            if (!f.isArray()) {
                error(at + "." + field + ": must be an array of strings" + of);
                return List.of();
            }
            List<String> result = new ArrayList<>(f.size());
            for (int i = 0; i < f.size(); i++) {
                JsonNode e = f.get(i);
                if (e.isTextual()) {
                    result.add(e.asText());
                } else {
                    error(at + "." + field + "[" + i + "]: must be a string, not " + shorten(e.toString()) + of);
                    result.add(null);
                }
            }
            return result;
        }

        private void unknownFields(JsonNode node, String prefix, List<String> known) {
            Set<String> unknown = new TreeSet<>();
            node.fieldNames().forEachRemaining(n -> {
                if (!known.contains(n)) {
                    unknown.add(n);
                }
            });
            for (String n : unknown) {
                error(prefix + shorten(n) + ": unknown field (expected " + String.join(", ", known) + ")");
            }
        }

        private static String shorten(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }
    }
}
