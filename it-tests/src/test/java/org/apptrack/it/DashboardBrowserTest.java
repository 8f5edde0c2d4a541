package org.apptrack.it;

import static org.apptrack.it.AppTrackIt.API;
import static org.apptrack.it.AppTrackIt.get;
import static org.apptrack.it.AppTrackIt.http;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.ExamSystem;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;
import org.apptrack.testsupport.udp.DelayingForwarder;

/**
 * The dashboard in Debian's headless Chromium, driven by Selenium, against the distribution: a
 * real capture replayed through the console (SSH, {@code apptrack:replay}) and AppQoE probing two
 * paths over loopback, then the page, as an operator with role viewer opens it, loads without
 * console errors, draws the traffic, ranks applications, nested applications, zones and users,
 * filters and sorts the sessions, shows a session's fields and log records until it closes,
 * draws each path's metrics against its targets and shows a path switch as it happens, lists the
 * log streams and the last messages, and keeps updating without a reload. Without a login the
 * page is a 401, without role viewer a 403. Screenshots of each view go to {@code target/}.
 *
 * <p>The browser runs next to the test, not in the container: the container runs in Pax Exam's
 * server mode, and the test reaches it as an operator does, over HTTP and SSH.
 */
public class DashboardBrowserTest {

    /** TCP to ports 443, 80, 8080, 5223, 5228 and DNS, from one client in 10/8 (zone trust) to the Internet. */
    private static final String CAPTURE = "KakaoTalk_chat.pcap";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String VIEWER = "watcher:watcher-secret";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final long RTT_TARGET_MICROS = 200_000;

    private static TestContainer container;
    private static DelayingForwarder forwarder;
    private static ScheduledExecutorService forwarderTimer;
    private static int httpPort;
    private static int sshPort;

    @BeforeClass
    public static void bootTheDistribution() throws Exception {
        Prerequisite.require("chromium (" + CHROMIUM + ") and chromium-driver (" + CHROMEDRIVER + ")",
                Files.isExecutable(Paths.get(CHROMIUM)) && Files.isExecutable(Paths.get(CHROMEDRIVER)));
        Prerequisite.require("tshark and editcap", AppTrackIt.wiresharkToolsInstalled());
        httpPort = KarafDistribution.freePort();
        sshPort = KarafDistribution.freePort();
        System.setProperty(KarafDistribution.HTTP_PORT_PROPERTY, Integer.toString(httpPort));
        int reflectorPort = KarafDistribution.freePort();
        int delayedPort = KarafDistribution.freePort();
        forwarderTimer = Executors.newSingleThreadScheduledExecutor();
        forwarder = new DelayingForwarder(1, new InetSocketAddress("127.0.0.1", delayedPort),
                new InetSocketAddress("127.0.0.1", reflectorPort), forwarderTimer);
        Option[] options = OptionUtils.combine(KarafDistribution.boot(httpPort, sshPort),
                editConfigurationFilePut("etc/users.properties", "watcher", "watcher-secret,viewer"),
                editConfigurationFilePut("etc/users.properties", "outsider", "outsider-secret,group"));
        options = OptionUtils.combine(options, appQoe(reflectorPort, delayedPort));
        ExamSystem system = PaxExamRuntime.createServerSystem(options);
        container = PaxExamRuntime.createContainer(system);
        container.start();
    }

    /**
     * AppQoE as an operator configures it in etc/: the product's STAMP reflector on loopback, path
     * isp1 probing it through this test's delaying forwarder, isp2 directly; HTTPS from zone trust
     * to destination group site1 under an RTT target of 200 ms.
     */
    private static Option[] appQoe(int reflectorPort, int delayedPort) {
        String[][] reflector = {{"enabled", "true"}, {"address", "127.0.0.1"}, {"port", Integer.toString(reflectorPort)}};
        String[][] appQoe = {
            {"enabled", "true"},
            {"pathGroup.site1.path.isp1.interface", "lo"},
            {"pathGroup.site1.path.isp1.linkTag", "ISP1"},
            {"pathGroup.site1.path.isp1.priority", "10"},
            {"pathGroup.site1.path.isp1.sourceAddress", "127.0.0.1"},
            {"pathGroup.site1.path.isp1.reflector", "127.0.0.1:" + delayedPort},
            {"pathGroup.site1.path.isp2.interface", "lo"},
            {"pathGroup.site1.path.isp2.linkTag", "ISP2"},
            {"pathGroup.site1.path.isp2.priority", "20"},
            {"pathGroup.site1.path.isp2.sourceAddress", "127.0.0.1"},
            {"pathGroup.site1.path.isp2.reflector", "127.0.0.1:" + reflectorPort},
            {"activeProbe.pp1.interval", "100ms"},
            {"activeProbe.pp1.lossTimeout", "1s"},
            {"metricsProfile.m1.rtt", Long.toString(RTT_TARGET_MICROS)},
            {"metricsProfile.m1.jitter", "100000"},
            {"metricsProfile.m1.loss", "5"},
            {"slaRule.sla1.metricsProfile", "m1"},
            {"slaRule.sla1.activeProbeParams", "pp1"},
            {"slaRule.sla1.passive.samplingPeriod", "2s"},
            {"slaRule.sla1.switchIdleTime", "2s"},
            {"apbrProfile.apbr1.zone", "trust"},
            {"apbrProfile.apbr1.rule.https.protocol", "tcp"},
            {"apbrProfile.apbr1.rule.https.destinationPort", "443"},
            {"apbrProfile.apbr1.rule.https.destinationGroup", "site1"},
            {"apbrProfile.apbr1.rule.https.slaRule", "sla1"},
        };
        List<Option> options = new ArrayList<>();
        for (String[] p : reflector) {
            options.add(editConfigurationFilePut("etc/org.apptrack.appqoe.reflector.cfg", p[0], p[1]));
        }
        for (String[] p : appQoe) {
            options.add(editConfigurationFilePut("etc/org.apptrack.appqoe.cfg", p[0], p[1]));
        }
        return options.toArray(new Option[0]);
    }

    @AfterClass
    public static void stopTheDistribution() throws Exception {
        if (container != null) {
            container.stop();
        }
        if (forwarder != null) {
            forwarder.close();
            forwarderTimer.shutdownNow();
        }
    }

    @Test
    public void theDashboardNeedsALoginWithRoleViewer() throws Exception {
        for (String credentials : new String[] {null, "karaf:wrong-password", "nobody:karaf"}) {
            AppTrackIt.Reply r = http(credentials, "GET", "/onos/apptrack/ui/");
            assertEquals(credentials + ": " + r, 401, r.status);
            assertTrue(r.authenticate, r.authenticate.toLowerCase().startsWith("basic realm=\"karaf\""));
        }
        assertEquals(403, http("outsider:outsider-secret", "GET", "/onos/apptrack/ui/js/main.js").status);
        assertEquals(401, http(null, "GET", API + "/dashboard/traffic").status);
    }

    @Test
    public void everyViewShowsTheReplayedCaptureAndAnAppQoeRunAndKeepsUpdating() throws Exception {
        Path capture = AppTrackIt.ndpiCapture(CAPTURE);
        Prerequisite.optional("nDPI capture " + capture, Files.isRegularFile(capture));
        Path replayed = AppTrackIt.shiftedToTheFuture(capture, Files.createTempDirectory("apptrack-dashboard"));
        http("GET", API + "/counters"); // waits until the REST API is deployed
        String output = console("apptrack:replay " + replayed);
        assertTrue(output, get(API + "/counters").path("activeSessions").asLong() > 0);

        WebDriver browser = chromium();
        try {
            // BASIC login in the URL: the browser keeps it for the page's scripts and requests.
            browser.get("http://" + VIEWER + "@127.0.0.1:" + httpPort + "/onos/apptrack/ui/");
            // the page replaces its rows every refresh: an element found a moment ago may be gone
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(b -> updates(b) >= 1);
            ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

            traffic(browser, wait);
            topByBytes(browser, wait);
            sessionsFilteredAndSorted(browser, wait);
            screenshot(browser, "dashboard.png", "traffic");
            sessionDetailUntilClosed(browser, wait);
            appQoePathsApplicationsAndSwitches(browser, wait);
            logStreamsAndLastMessages(browser, wait);

            // Still the same page, updated since.
            int before = updates(browser);
            wait.until(b -> updates(b) >= before + 2);
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument;"));
            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::toString).collect(Collectors.toList());
            assertTrue("browser console: " + errors, errors.isEmpty());
            assertFalse(browser.findElement(By.id("status")).getAttribute("class").contains("error"));
        } finally {
            browser.quit();
        }
    }

    /** The chart draws the history, whose last minutes carry the replay's bytes. */
    private static void traffic(WebDriver browser, WebDriverWait wait) throws Exception {
        wait.until(b -> chartPoints(b, By.id("traffic-chart")) >= 2);
        assertTrue(browser.findElements(By.cssSelector("#traffic-chart canvas")).size() > 0);
        double mostBits = 0;
        for (JsonNode p : get(API + "/dashboard/traffic?window=5m").path("points")) {
            mostBits = Math.max(mostBits, p.get(1).asDouble());
        }
        assertTrue("bits/s of the replay in the history", mostBits > 0);
    }

    /** Each top list, as the server ranks it; the applications are the capture's, its client's zone is trust. */
    private static void topByBytes(WebDriver browser, WebDriverWait wait) throws Exception {
        Set<String> captured = new HashSet<>();
        for (JsonNode s : get(API + "/sessions?limit=1000").path("sessions")) {
            captured.add(s.path("application").asText());
        }
        for (JsonNode a : get(API + "/appid/statistics").path("applications")) {
            captured.add(a.path("application").asText());
        }
        Select by = new Select(browser.findElement(By.id("top-by")));
        for (String dimension : new String[] {"application", "nested-application", "source-zone", "destination-zone",
                "user"}) {
            by.selectByValue(dimension);
            wait.until(b -> dimension.equals(b.findElement(By.id("top-list")).getAttribute("data-by"))
                    && !topList(b).isEmpty());
            List<String> ranked = new ArrayList<>();
            get(API + "/dashboard/top?window=5m&by=" + dimension).path("entries")
                    .forEach(e -> ranked.add(e.path("name").asText()));
            wait.until(b -> topList(b).equals(ranked));
            if (dimension.equals("application")) {
                assertTrue(ranked + " within " + captured, captured.containsAll(ranked));
            } else if (dimension.equals("source-zone")) {
                assertEquals(List.of("trust"), ranked);
            }
        }
        by.selectByValue("application");
    }

    /** All sessions, then those of port 443 once the port filter is applied; heaviest first after two clicks. */
    private static void sessionsFilteredAndSorted(WebDriver browser, WebDriverWait wait) throws Exception {
        long all = get(API + "/sessions?limit=1000").path("count").asLong();
        wait.until(b -> rows(b).size() == Math.min(all, 100));
        long https = get(API + "/sessions?port=443&limit=1000").path("count").asLong();
        assertTrue("sessions to port 443 and others in the capture", https > 0 && https < all);
        browser.findElement(By.cssSelector("#session-filters input[name=port]")).sendKeys("443");
        browser.findElement(By.cssSelector("#session-filters button[type=submit]")).click();
        wait.until(b -> rows(b).size() == https);
        for (String server : texts(browser, "#session-table td[data-key=server]")) {
            assertTrue(server, server.endsWith(":443"));
        }
        WebElement bytesHeader = browser.findElement(By.cssSelector("#session-table th[data-key=bytes]"));
        bytesHeader.click();
        bytesHeader.click();
        assertEquals("descending", bytesHeader.getAttribute("aria-sort"));
    }

    /**
     * A session's detail: its fields and its create record; once the administrator clears it, the
     * close record and its reason, as the security log has them.
     */
    private static void sessionDetailUntilClosed(WebDriver browser, WebDriverWait wait) throws Exception {
        String id = attributes(browser, "#session-table tbody tr", "data-session-id").get(0);
        click(wait, "#session-table tbody tr[data-session-id='" + id + "']");
        wait.until(b -> b.findElement(By.id("session-detail")).isDisplayed()
                && id.equals(b.findElement(By.id("detail-id")).getText())
                && "open".equals(b.findElement(By.id("detail-state")).getText()));
        assertEquals(List.of(id), texts(browser, "#detail-fields tr[data-name=sessionId] td"));
        JsonNode session = get(API + "/sessions/" + id);
        assertEquals(List.of(session.path("application").asText()),
                texts(browser, "#detail-fields tr[data-name=application] td"));
        wait.until(b -> !b.findElements(By.cssSelector("#detail-records details[data-tag=APPTRACK_SESSION_CREATE]"))
                .isEmpty());

        assertEquals(200, http("DELETE", API + "/sessions/" + id).status);
        wait.until(b -> "closed".equals(b.findElement(By.id("detail-state")).getText()));
        String reason = null;
        for (JsonNode r : get(API + "/log-records?session-id=" + id).path("records")) {
            if (r.path("tag").asText().equals("APPTRACK_SESSION_CLOSE")) {
                for (JsonNode field : r.path("fields")) {
                    if (field.get(0).asText().equals("reason")) {
                        reason = field.get(1).asText();
                    }
                }
            }
        }
        assertTrue("close record with a reason", reason != null && !reason.isEmpty());
        String shown = browser.findElement(By.id("detail-close-reason")).getText();
        assertTrue(shown, shown.endsWith(": " + reason));
        assertEquals(List.of(reason),
                texts(browser, "#detail-records details[data-tag=APPTRACK_SESSION_CLOSE] tr[data-name=reason] td"));
        screenshot(browser, "dashboard-session.png", "session-detail");
    }

    /**
     * AppQoE probing two paths over loopback: both meet the SLA and the capture's HTTPS
     * application takes isp1 (priority); then isp1's probes are delayed past the RTT target, the
     * page shows isp1 violated, its RTT above the target line, and the switch to isp2 with its
     * reason.
     */
    private static void appQoePathsApplicationsAndSwitches(WebDriver browser, WebDriverWait wait) throws Exception {
        wait.until(b -> "met".equals(pathState(b, "isp1")) && "met".equals(pathState(b, "isp2")));
        By rttChart = By.cssSelector(".appqoe-group[data-group=site1] .metric-chart[data-metric=rtt]");
        wait.until(b -> chartPoints(b, rttChart) >= 2);
        WebElement rtt = browser.findElement(rttChart);
        assertEquals("2", rtt.getAttribute("data-paths"));
        assertEquals("one target line for the two paths of one SLA rule", "1", rtt.getAttribute("data-targets"));
        assertTrue(rtt.findElements(By.tagName("canvas")).size() > 0);
        wait.until(b -> applicationRows(b).stream().anyMatch(r -> r.contains("isp1")));

        forwarder.delayMicros(RTT_TARGET_MICROS * 2, at -> { });
        wait.until(b -> "violated".equals(pathState(b, "isp1")));
        wait.until(b -> {
            List<String> reasons = texts(b, "#appqoe-switches td[data-key=reason]");
            List<String> moves = texts(b, "#appqoe-switches td[data-key=move]");
            for (int i = 0; i < Math.min(reasons.size(), moves.size()); i++) {
                if (reasons.get(i).equals("sla violated") && moves.get(i).equals("isp1 → isp2")) {
                    return true;
                }
            }
            return false;
        });
        wait.until(b -> applicationRows(b).stream().anyMatch(r -> r.contains("isp2")));
        // the period that saw the step may average below the target; the next whole one does not
        wait.until(b -> highestRtt("isp1") > RTT_TARGET_MICROS);
        int drawn = updates(browser);
        wait.until(b -> updates(b) >= drawn + 1);
        screenshot(browser, "dashboard-appqoe.png", "appqoe");
    }

    /** The streams and their counters as the server has them; the last messages, newest first. */
    private static void logStreamsAndLastMessages(WebDriver browser, WebDriverWait wait) throws Exception {
        List<String> streams = new ArrayList<>();
        get(API + "/log-streams").path("streams").forEach(s -> streams.add(s.path("name").asText()));
        assertTrue(streams.toString(), streams.contains("local"));
        wait.until(b -> texts(b, "#log-streams td[data-key=name]").equals(streams));
        wait.until(b -> !b.findElements(By.cssSelector("#log-records tbody tr")).isEmpty());
        Set<String> tags = new HashSet<>();
        get(API + "/log-records?limit=200").path("records").forEach(r -> tags.add(r.path("tag").asText()));
        List<String> shown = attributes(browser, "#log-records tbody tr", "data-tag");
        assertTrue(shown + " within " + tags, tags.containsAll(shown));
        assertTrue(shown.toString(), shown.contains("APPTRACK_SESSION_CLOSE"));

        // A closed session, opened from its close record: closed, with the record's fields.
        String closedId = attributes(browser, "#log-records tbody tr[data-tag=APPTRACK_SESSION_CLOSE]",
                "data-session-id").get(0);
        click(wait, "#log-records tbody tr[data-tag=APPTRACK_SESSION_CLOSE][data-session-id='" + closedId + "']");
        wait.until(b -> closedId.equals(b.findElement(By.id("detail-id")).getText())
                && "closed".equals(b.findElement(By.id("detail-state")).getText())
                && texts(b, "#detail-fields tr[data-name=session-id-32] td").equals(List.of(closedId)));
        assertEquals(1, texts(browser, "#detail-fields tr[data-name=reason] td").size());
        screenshot(browser, "dashboard-logs.png", "logs");
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** How many times the page refreshed its views (the status line counts them). */
    private static int updates(WebDriver browser) {
        String n = browser.findElement(By.id("status")).getAttribute("data-updates");
        return n == null ? 0 : Integer.parseInt(n);
    }

    /** The highest mean RTT of a path of site1 in the last five minutes of AppQoE's history (µs). */
    private static double highestRtt(String path) {
        double highest = 0;
        try {
            for (JsonNode p : get(API + "/appqoe/history?window=5m&group=site1").path("paths")) {
                if (p.path("path").asText().equals(path)) {
                    for (JsonNode point : p.path("points")) {
                        highest = Math.max(highest, point.get(1).asDouble());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return highest;
    }

    /** The points the chart {@code chart} drew (0 before it exists). */
    private static int chartPoints(WebDriver browser, By chart) {
        List<WebElement> found = browser.findElements(chart);
        String n = found.isEmpty() ? null : found.get(0).getAttribute("data-points");
        return n == null ? 0 : Integer.parseInt(n);
    }

    private static List<String> topList(WebDriver browser) {
        return attributes(browser, "#top-list li", "data-name");
    }

    private static String pathState(WebDriver browser, String path) {
        List<WebElement> row = browser.findElements(
                By.cssSelector(".appqoe-group[data-group=site1] tr[data-path=" + path + "]"));
        return row.isEmpty() ? null : row.get(0).getAttribute("data-state");
    }

    private static List<String> applicationRows(WebDriver browser) {
        return texts(browser, "#appqoe-applications tbody tr");
    }

    /** Clicks what {@code selector} finds, again if the page replaced it in between. */
    private static void click(WebDriverWait wait, String selector) {
        wait.until(b -> {
            b.findElement(By.cssSelector(selector)).click();
            return true;
        });
    }

    /** The text of every element {@code selector} finds, read at one moment (no stale element between them). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(WebDriver browser, String selector) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);", selector);
    }

    /** One attribute of every element {@code selector} finds, read at one moment. */
    @SuppressWarnings("unchecked")
    private static List<String> attributes(WebDriver browser, String selector, String attribute) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]));",
                selector, attribute);
    }

    /** A screenshot of one section, kept in target/ as the test's artifact. */
    private static void screenshot(WebDriver browser, String file, String section) throws Exception {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", section);
        Files.write(Paths.get("target", file), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#session-table tbody tr"));
    }

    /** A console command over SSH, as the administrator; a failing command fails the test. */
    private static String console(String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = login(client)) {
                return session.executeRemoteCommand(command);
            }
        }
    }

    /** A session of the administrator, once the console listens. */
    private static ClientSession login(SshClient client) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ClientSession session = null;
            try {
                session = client.connect("karaf", "127.0.0.1", sshPort).verify(WAIT).getSession();
                session.addPasswordIdentity("karaf");
                session.auth().verify(WAIT);
                return session;
            } catch (java.io.IOException e) {
                if (session != null) {
                    session.close();
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
