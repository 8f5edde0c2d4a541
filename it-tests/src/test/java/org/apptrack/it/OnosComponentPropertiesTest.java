package org.apptrack.it;

import static org.apptrack.it.AppTrackIt.WAIT;
import static org.apptrack.it.AppTrackIt.get;
import static org.apptrack.it.AppTrackIt.karafLogLines;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What ONOS's {@code cfg set} does, on the distribution's real Felix SCR and ConfigAdmin: ONOS's
 * ComponentConfigManager writes every property of a component into the ConfigAdmin
 * configuration named after the component's class; AppTrack takes them over its file's through
 * the bridge component, refuses an invalid value naming it (the previous configuration stays),
 * and returns to the file's values when the configuration goes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OnosComponentPropertiesTest {

    /** The PID ONOS's ComponentConfigManager writes AppTrackManager's properties to. */
    private static final String CFG_PID = "org.apptrack.apptrack.impl.AppTrackManager";

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    @Test
    public void cfgPropertiesReachAppTrackThroughItsValidation() throws Exception {
        assertTrue("the distribution's file enables AppTrack", enabled());
        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration(CFG_PID, "?");
        try {
            cfg.update(properties("true", "20"));
            await(() -> !enabled(), "cfg set disable true");

            cfg.update(properties("false", "2"));
            await(() -> refusals().stream().anyMatch(l -> l.contains("tcpInitialTimeout")),
                    "the refusal in karaf.log, naming tcpInitialTimeout");
            assertFalse("refused: the previous configuration stays", enabled());

            cfg.update(properties("false", "20"));
            await(OnosComponentPropertiesTest::enabled, "cfg set tcpInitialTimeout 20");
            cfg.update(properties("true", "20"));
            await(() -> !enabled(), "cfg set disable true again");
        } finally {
            cfg.delete();
        }
        await(OnosComponentPropertiesTest::enabled, "the file's values once the cfg configuration is gone");
    }

    /** As ONOS writes them: every property of AppTrackManager.cfgdef, as text (two of them vary here). */
    private static Hashtable<String, Object> properties(String disable, String tcpInitialTimeout) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("disable", disable);
        p.put("tcpInitialTimeout", tcpInitialTimeout);
        p.put("maxSessions", "1000000");
        p.put("logSessionCreate", "false");
        p.put("applicationIdentification", "true");
        return p;
    }

    /** AppTrack's own answer, over REST: {@code enabled} of GET /zones. */
    private static boolean enabled() {
        try {
            return get("/onos/apptrack/v1/zones").path("enabled").asBoolean();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> refusals() {
        try {
            return karafLogLines("AppTrack cfg properties rejected");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
