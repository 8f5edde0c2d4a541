package org.apptrack.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import org.apptrack.testsupport.data.TestData;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Pax Exam options that boot the standalone distribution built by karaf-assembly. */
final class KarafDistribution {

    /** Where the REST API listens in the container (a free port, chosen per test class). */
    static final String HTTP_PORT_PROPERTY = "apptrack.it.httpPort";
    /** Where the SSH console listens when a test asks for it ({@link #boot(int, int)}). */
    static final String SSH_PORT_PROPERTY = "apptrack.it.sshPort";

    private KarafDistribution() {
    }

    /** The distribution without its SSH console. */
    static Option[] boot(int httpPort) {
        return boot(httpPort, 0);
    }

    /**
     * The distribution as shipped, but for its ports: HTTP on {@code httpPort}, the SSH console on
     * {@code sshPort} (0: not started), no packet capture; and the test-support bundle (the rsyslog
     * harness, prerequisites, test data), which the tests use in the container.
     */
    static Option[] boot(int httpPort, int sshPort) {
        String distribution = built("apptrack.distribution", "the distribution");
        String testSupport = built("apptrack.testSupport", "the test-support jar");
        Option[] console = sshPort == 0
                ? options(configureConsole().ignoreLocalConsole().ignoreRemoteShell())
                : options(configureConsole().ignoreLocalConsole().startRemoteShell(),
                        editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(sshPort)),
                        systemProperty(SSH_PORT_PROPERTY).value(Integer.toString(sshPort)));
        return OptionUtils.combine(console,
                karafDistributionConfiguration()
                        .frameworkUrl(new File(distribution).toURI().toString())
                        .name("AppTrack for ONOS")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        Integer.toString(httpPort)),
                // Tests choose their packet source; the distribution's default (live on any) would
                // capture everything the other tests send over the loopback.
                editConfigurationFilePut("etc/org.apptrack.capture.cfg", "source", "none"),
                // Tests change a configuration through ConfigAdmin several times within seconds.
                // With write-back on, FileInstall writes each change to its etc/*.cfg on another
                // thread, and its poller (every second) can read the file written for an earlier
                // change and apply that again over a later one (seen once: a session limit of 20
                // never arrived after an invalid "abc").
                editConfigurationFilePut("etc/config.properties", "felix.fileinstall.enableConfigSave", "false"),
                bundle(new File(testSupport).toURI().toString()),
                systemProperty(TestData.PROPERTY).value(System.getProperty(TestData.PROPERTY, "")),
                systemProperty(HTTP_PORT_PROPERTY).value(Integer.toString(httpPort)),
                systemProperty("apptrack.capture.samples").value(System.getProperty("apptrack.capture.samples", "")));
    }

    /** The file that the system property {@code property} names, which the reactor build makes. */
    private static String built(String property, String what) {
        String file = System.getProperty(property);
        if (file == null || !new File(file).isFile()) {
            throw new IllegalStateException(what + " is not built: " + file + " (run the reactor build, e.g. mvn verify)");
        }
        return file;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
