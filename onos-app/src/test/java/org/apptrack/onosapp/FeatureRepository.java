package org.apptrack.onosapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A Karaf feature repository (features.xml): each feature's required features and bundles. */
final class FeatureRepository {

    private final Map<String, List<String>> requiredFeatures = new LinkedHashMap<>();
    private final Map<String, List<String>> bundlesByFeature = new LinkedHashMap<>();
    private final List<String> bundles = new ArrayList<>();

    static FeatureRepository read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(in, file.toUri().toString()).getDocumentElement();
            FeatureRepository repository = new FeatureRepository();
            for (Element feature : children(root, "feature")) {
                List<String> required = new ArrayList<>();
                for (Element dependency : children(feature, "feature")) {
                    required.add(dependency.getTextContent().trim());
                }
                repository.requiredFeatures.put(feature.getAttribute("name"), required);
                List<String> featureBundles = new ArrayList<>();
                for (Element bundle : children(feature, "bundle")) {
                    featureBundles.add(bundle.getTextContent().trim());
                }
                repository.bundlesByFeature.put(feature.getAttribute("name"), featureBundles);
                repository.bundles.addAll(featureBundles);
            }
            return repository;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read the feature repository " + file, e);
        }
    }

    Set<String> names() {
        return requiredFeatures.keySet();
    }

    boolean defines(String feature) {
        return requiredFeatures.containsKey(feature);
    }

    List<String> requiredFeatures(String feature) {
        return requiredFeatures.getOrDefault(feature, List.of());
    }

    /** Whether {@code feature} needs {@code required}, directly or through features of this repository. */
    boolean requiresTransitively(String feature, String required) {
        Deque<String> pending = new ArrayDeque<>(requiredFeatures(feature));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (next.equals(required)) {
                return true;
            }
            if (seen.add(next)) {
                pending.addAll(requiredFeatures(next));
            }
        }
        return false;
    }

    /** The bundle URLs of every feature, in document order. */
    List<String> bundles() {
        return bundles;
    }

    /** The bundle URLs of one feature (not of the features it requires). */
    List<String> bundles(String feature) {
        return bundlesByFeature.getOrDefault(feature, List.of());
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && localName.equals(node.getLocalName())) {
                found.add((Element) node);
            }
        }
        return found;
    }
}
