package org.apptrack.it;

import static org.apptrack.it.AppTrackIt.API;
import static org.apptrack.it.AppTrackIt.get;
import static org.apptrack.it.AppTrackIt.http;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ops4j.pax.exam.ExamSystem;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * The dashboard in Debian's headless Chromium, driven by Selenium, against the distribution: a
 * real capture replayed through the console (SSH, {@code apptrack:replay}), then the page, as an
 * operator with role viewer opens it, loads without console errors, draws the traffic, lists the
 * capture's applications, filters the sessions and keeps updating without a reload. Without a
 * login the page is a 401, without role viewer a 403. A screenshot goes to
 * {@code target/dashboard.png}.
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

    private static TestContainer container;
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
        Option[] options = OptionUtils.combine(KarafDistribution.boot(httpPort, sshPort),
                editConfigurationFilePut("etc/users.properties", "watcher", "watcher-secret,viewer"),
                editConfigurationFilePut("etc/users.properties", "outsider", "outsider-secret,group"));
        ExamSystem system = PaxExamRuntime.createServerSystem(options);
        container = PaxExamRuntime.createContainer(system);
        container.start();
    }

    @AfterClass
    public static void stopTheDistribution() {
        if (container != null) {
            container.stop();
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
    public void theDashboardShowsTheReplayedCaptureAndKeepsUpdating() throws Exception {
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
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.until(b -> updates(b) >= 1);
            ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

            // Traffic: the chart draws the history, whose last minutes carry the replay's bytes.
            wait.until(b -> chartPoints(b) >= 2);
            assertTrue(browser.findElements(By.cssSelector("#traffic-chart canvas")).size() > 0);
            double mostBits = 0;
            for (JsonNode p : get(API + "/dashboard/traffic?window=5m").path("points")) {
                mostBits = Math.max(mostBits, p.get(1).asDouble());
            }
            assertTrue("bits/s of the replay in the history", mostBits > 0);

            // Top applications: the capture's (its open sessions' and its closed ones'), as the server ranks them.
            Set<String> captured = new HashSet<>();
            for (JsonNode s : get(API + "/sessions?limit=1000").path("sessions")) {
                captured.add(s.path("application").asText());
            }
            for (JsonNode a : get(API + "/appid/statistics").path("applications")) {
                captured.add(a.path("application").asText());
            }
            wait.until(b -> !topApplications(b).isEmpty());
            List<String> shown = topApplications(browser);
            assertTrue(shown + " within " + captured, captured.containsAll(shown));
            List<String> ranked = new ArrayList<>();
            get(API + "/dashboard/applications?window=5m").path("applications")
                    .forEach(a -> ranked.add(a.path("application").asText()));
            assertEquals(ranked, shown);

            // Sessions: all of them, then only those of port 443 once the port filter is applied.
            long all = get(API + "/sessions?limit=1000").path("count").asLong();
            wait.until(b -> rows(b).size() == Math.min(all, 100));
            long https = get(API + "/sessions?port=443&limit=1000").path("count").asLong();
            assertTrue("sessions to port 443 and others in the capture", https > 0 && https < all);
            browser.findElement(By.cssSelector("#session-filters input[name=port]")).sendKeys("443");
            browser.findElement(By.cssSelector("#session-filters button[type=submit]")).click();
            wait.until(b -> rows(b).size() == https);
            for (WebElement server : browser.findElements(By.cssSelector("#session-table td[data-key=server]"))) {
                assertTrue(server.getText(), server.getText().endsWith(":443"));
            }

            // Sorting: heaviest first after two clicks on Bytes.
            WebElement bytesHeader = browser.findElement(By.cssSelector("#session-table th[data-key=bytes]"));
            bytesHeader.click();
            bytesHeader.click();
            assertEquals("descending", bytesHeader.getAttribute("aria-sort"));

            // Still the same page, updated since.
            int before = updates(browser);
            wait.until(b -> updates(b) >= before + 2);
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument;"));

            Path screenshot = Paths.get("target", "dashboard.png");
            Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::toString).collect(Collectors.toList());
            assertTrue("browser console: " + errors, errors.isEmpty());
            assertFalse(browser.findElement(By.id("status")).getAttribute("class").contains("error"));
        } finally {
            browser.quit();
        }
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

    private static int chartPoints(WebDriver browser) {
        String n = browser.findElement(By.id("traffic-chart")).getAttribute("data-points");
        return n == null ? 0 : Integer.parseInt(n);
    }

    private static List<String> topApplications(WebDriver browser) {
        return browser.findElements(By.cssSelector("#top-applications li")).stream()
                .map(li -> li.getAttribute("data-application")).collect(Collectors.toList());
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
