package org.apptrack.onosapp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.felix.utils.resource.CapabilitySet;
import org.apache.felix.utils.resource.RequirementImpl;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

/**
 * What the OSGi resolver asks while it resolves a feature's bundles: the feature's bundles must
 * resolve; any bundle of the runtime (the system bundle, Karaf's and ONOS's bundles) or of the
 * feature may provide what they need, found by Felix utils' {@link CapabilitySet} as in Karaf's
 * features service. Candidates are ordered as Karaf's CandidateComparator orders them: the system
 * bundle first, then the highest version; at equal versions the runtime's bundle, already installed
 * in ONOS, before the feature's.
 */
final class FeatureResolveContext extends ResolveContext {

    private final List<Resource> feature;
    private final Set<Resource> runtime = new HashSet<>();
    private final Map<String, CapabilitySet> capabilitiesByNamespace = new HashMap<>();
    private final Comparator<Capability> preference;

    FeatureResolveContext(Resource systemBundle, Collection<Resource> runtime, List<Resource> feature) {
        this.feature = feature;
        this.runtime.add(systemBundle);
        this.runtime.addAll(runtime);
        this.runtime.forEach(this::index);
        feature.forEach(this::index);
        this.preference = Comparator.<Capability>comparingInt(c -> c.getResource() == systemBundle ? 0 : 1)
                .thenComparing(FeatureResolveContext::version, Comparator.reverseOrder())
                .thenComparingInt(c -> this.runtime.contains(c.getResource()) ? 0 : 1);
    }

    private void index(Resource resource) {
        for (Capability capability : resource.getCapabilities(null)) {
            capabilitiesByNamespace
                    .computeIfAbsent(capability.getNamespace(), ns -> new CapabilitySet(List.of(ns)))
                    .addCapability(capability);
        }
    }

    boolean isRuntime(Resource resource) {
        return runtime.contains(resource);
    }

    @Override
    public Collection<Resource> getMandatoryResources() {
        return feature;
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        CapabilitySet candidates = capabilitiesByNamespace.get(requirement.getNamespace());
        List<Capability> found = new ArrayList<>();
        if (candidates != null) {
            found.addAll(candidates.match(RequirementImpl.getFilter(requirement), true));
        }
        found.sort(preference);
        return found;
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hosted) {
        capabilities.add(hosted);
        return capabilities.size() - 1;
    }

    /** Only requirements the framework checks when it resolves (not effective:=active service needs). */
    @Override
    public boolean isEffective(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        return Map.of();
    }

    private static Version version(Capability capability) {
        String namespace = capability.getNamespace();
        Object version = capability.getAttributes().get(
                BundleNamespace.BUNDLE_NAMESPACE.equals(namespace) || HostNamespace.HOST_NAMESPACE.equals(namespace)
                        ? BundleNamespace.CAPABILITY_BUNDLE_VERSION_ATTRIBUTE
                        : PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
        if (version instanceof Version) {
            return (Version) version;
        }
        return version instanceof String ? Version.parseVersion((String) version) : Version.emptyVersion;
    }
}
