package org.apptrack.capture.onos;

import org.onosproject.net.packet.PacketProcessor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * How the status command names a packet processor. ONOS's {@code addProcessor} takes no
 * application id, and most processors are lambdas or method references whose class name
 * ({@code AppTrackManager$$Lambda$832/0x...}) changes from run to run. So a processor is named
 * by the class that wrote it: its own class when that is a named class, else the class that
 * declares the lambda or anonymous class, marked as such. The bundle that registered it is
 * named separately ({@link #bundleOf}).
 */
public final class ProcessorName {

    private static final String LAMBDA_MARK = "$$Lambda";

    private ProcessorName() {
    }

    /**
     * {@code org.example.FwdProcessor}, {@code org.example.FwdManager (lambda)} for a lambda or
     * method reference declared in {@code FwdManager}, {@code org.example.FwdManager (anonymous)}.
     */
    public static String of(PacketProcessor processor) {
        Class<?> type = processor.getClass();
        String name = type.getName();
        int lambda = name.indexOf(LAMBDA_MARK);
        if (lambda > 0) {
            return name.substring(0, lambda) + " (lambda)";
        }
        if (type.isAnonymousClass()) {
            Class<?> named = type.getEnclosingClass();
            while (named != null && named.isAnonymousClass()) {
                named = named.getEnclosingClass();
            }
            return (named != null ? named.getName() : name) + " (anonymous)";
        }
        return name;
    }

    /**
     * The symbolic name of the bundle whose class loader defined the processor's class (a lambda's
     * class belongs to its declaring class's bundle), or null outside OSGi.
     */
    public static String bundleOf(PacketProcessor processor) {
        try {
            return OsgiBundles.symbolicName(processor.getClass());
        } catch (NoClassDefFoundError e) {
            return null; // without the OSGi framework API on the class path (the replay tool): no bundles
        }
    }

    /** ONOS's priority as it was written: {@code advisor(N)}, {@code director(N)} or {@code observer(N)}. */
    public static String priority(int priority) {
        if (priority > PacketProcessor.DIRECTOR_MAX) {
            return "observer(" + ((long) priority - PacketProcessor.DIRECTOR_MAX - 1) + ")";
        }
        if (priority > PacketProcessor.ADVISOR_MAX) {
            return "director(" + (priority - PacketProcessor.ADVISOR_MAX - 1) + ")";
        }
        return "advisor(" + ((long) priority - 1) + ")";
    }

    /** The only user of the OSGi framework API here, so that the outer class loads without it. */
    private static final class OsgiBundles {

        static String symbolicName(Class<?> type) {
            Bundle bundle = FrameworkUtil.getBundle(type);
            return bundle == null ? null : bundle.getSymbolicName();
        }
    }
}
