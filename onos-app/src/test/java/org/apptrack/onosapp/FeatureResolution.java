package org.apptrack.onosapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.felix.resolver.Logger;
import org.apache.felix.resolver.ResolverImpl;
import org.apache.felix.utils.resource.RequirementImpl;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;

/**
 * Resolves a feature's bundles against a runtime with Felix's OSGi resolver (the one Karaf's
 * features service runs) and lists what would go wrong when the feature is installed there:
 * requirements nothing provides, a resolve that fails, a package the feature exports that the
 * runtime already exports (a second copy of a library), and a wire from the feature's bundles to a
 * bundle of the feature for something the runtime provides (the second copy would be used).
 */
final class FeatureResolution {

    private final Map<Resource, OsgiBundle> bundles = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private Map<Resource, List<Wire>> wiring = Map.of();
    private int wiresChecked;

    private FeatureResolution() {
    }

    static FeatureResolution resolve(OsgiBundle systemBundle, List<OsgiBundle> runtime, List<OsgiBundle> feature) {
        FeatureResolution resolution = new FeatureResolution();
        resolution.bundles.put(systemBundle.resource(), systemBundle);
        runtime.forEach(b -> resolution.bundles.put(b.resource(), b));
        feature.forEach(b -> resolution.bundles.put(b.resource(), b));
        FeatureResolveContext context = new FeatureResolveContext(systemBundle.resource(),
                runtime.stream().map(OsgiBundle::resource).collect(Collectors.toList()),
                feature.stream().map(OsgiBundle::resource).collect(Collectors.toList()));
        resolution.reportRequirementsNothingProvides(context, feature);
        resolution.reportSecondCopies(runtime, systemBundle, feature);
        try {
            resolution.wiring = new ResolverImpl(new Logger(Logger.LOG_ERROR), 1).resolve(context);
            resolution.checkWiresOf(context, feature);
        } catch (ResolutionException e) {
            resolution.problems.add("the OSGi resolver cannot resolve the feature: " + e.getMessage());
        }
        return resolution;
    }

    /** Every requirement that no bundle at all provides, not only the first the resolver meets. */
    private void reportRequirementsNothingProvides(FeatureResolveContext context, List<OsgiBundle> feature) {
        for (OsgiBundle bundle : feature) {
            for (Requirement requirement : bundle.resource().getRequirements(null)) {
                if (context.isEffective(requirement) && !isOptional(requirement)
                        && context.findProviders(requirement).isEmpty()) {
                    problems.add(bundle + " requires " + describe(requirement)
                            + ", which no bundle of ONOS's runtime or of the feature provides");
                }
            }
        }
    }

    private void reportSecondCopies(List<OsgiBundle> runtime, OsgiBundle system,
            List<OsgiBundle> feature) {
        Map<String, OsgiBundle> runtimeExports = new LinkedHashMap<>();
        List<OsgiBundle> all = new ArrayList<>(runtime);
        all.add(0, system);
        for (OsgiBundle bundle : all) {
            for (Capability export : bundle.resource().getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                runtimeExports.putIfAbsent(packageOf(export), bundle);
            }
        }
        for (OsgiBundle bundle : feature) {
            Map<OsgiBundle, Set<String>> copied = new LinkedHashMap<>();
            for (Capability export : bundle.resource().getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                OsgiBundle onos = runtimeExports.get(packageOf(export));
                if (onos != null) {
                    copied.computeIfAbsent(onos, b -> new TreeSet<>()).add(packageOf(export));
                }
            }
            copied.forEach((onos, packages) -> problems.add(bundle + " exports " + String.join(", ", packages)
                    + ", which " + onos + " of ONOS's runtime exports: a second copy next to ONOS's"));
        }
    }

    /** The feature's bundles must get from the runtime everything the runtime provides. */
    private void checkWiresOf(FeatureResolveContext context, List<OsgiBundle> feature) {
        for (OsgiBundle bundle : feature) {
            if (!wiring.containsKey(bundle.resource())) {
                problems.add(bundle + " was not resolved");
                continue;
            }
            for (Wire wire : wiring.get(bundle.resource())) {
                wiresChecked++;
                Resource provider = wire.getProvider();
                if (context.isRuntime(provider)) {
                    continue;
                }
                List<Resource> runtimeProviders = context.findProviders(wire.getRequirement()).stream()
                        .map(Capability::getResource).filter(context::isRuntime).collect(Collectors.toList());
                if (!runtimeProviders.isEmpty()) {
                    problems.add(bundle + " is wired to " + bundles.get(provider) + " of the feature for "
                            + describe(wire.getRequirement()) + ", which ONOS's " + bundles.get(runtimeProviders.get(0))
                            + " provides: ONOS's copy must be the one used");
                }
            }
        }
    }

    List<String> problems() {
        return problems;
    }

    /** The bundles the resolve wired: the feature's and those of the runtime it needs. */
    int bundlesResolved() {
        return wiring.size();
    }

    int wiresChecked() {
        return wiresChecked;
    }

    /** The provider of each wire from {@code bundle}, for reports. */
    List<String> wiresOf(OsgiBundle bundle) {
        return wiring.getOrDefault(bundle.resource(), List.of()).stream()
                .map(w -> describe(w.getRequirement()) + " -> " + bundles.get(w.getProvider()))
                .collect(Collectors.toList());
    }

    String report() {
        return problems.isEmpty() ? "resolved" : String.join("\n  ", problems);
    }

    private static boolean isOptional(Requirement requirement) {
        String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
        return Namespace.RESOLUTION_OPTIONAL.equals(resolution) || "dynamic".equals(resolution);
    }

    private static String packageOf(Capability export) {
        return String.valueOf(export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
    }

    private static String describe(Requirement requirement) {
        return requirement.getNamespace() + " " + RequirementImpl.getFilter(requirement);
    }
}
