package dev.automations.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §18 in a real browser: an organization admin signs in, creates an automation and a webhook trigger, a signed
 * delivery arrives, and the event log (filtered and paged), the event, its replay, the chat with the agent's answers
 * arriving live (WireMock as the model), the secret's rotation, the test tool, the model configs, the MCP servers
 * (chosen in the automation's form) and the audit log are used as a person would; a member then reads the MCP servers.
 * Screenshots of each page go to target/screenshots/.
 */
class ConsoleIT extends ServiceIT {

    static final String AUTOMATIONS = "/api/experimental/automations";
    static final String ANSWER = "PR 7 looks fine to me.";
    static final String QUESTION = "Anything else to check?";
    static final String LATER_ANSWER = "The tests could cover the closed case.";
    static final String XSS_TITLE = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";

    static final String MCP_SERVER = "tools-" + UUID.randomUUID().toString().substring(0, 6);
    static final String MCP_TOKEN = "mcp-token-" + UUID.randomUUID();

    static WireMockServer model;
    static Browser browser;

    @BeforeAll
    static void start() {
        model = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        model.start();
        model.stubFor(post(urlEqualTo("/console/v1/chat/completions")).willReturn(AgentIT.completion(ANSWER)));
        // The answer to the question typed in the chat comes late, so that the page must fetch it while the turn runs.
        model.stubFor(post(urlEqualTo("/console/v1/chat/completions")).withRequestBody(containing(QUESTION))
                .willReturn(AgentIT.completion(LATER_ANSWER).withFixedDelay(1500)));
        browser = new Browser(ItSession.server().url(), Path.of(System.getProperty("it.logs")).resolveSibling("screenshots"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        model.stop();
    }

    @Test
    void anAdminWorksThroughTheConsole() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User admin = api.newUser(owner);
        Api.User member = api.newUser(owner);
        String org = api.organization(owner, admin, member);
        String config = "console-model-" + UUID.randomUUID().toString().substring(0, 6);
        api.as(admin.token()).body(Map.of("organization_id", org, "name", config, "base_url", "http://127.0.0.1:" + model.port() + "/console/v1",
                "model", "gpt-4o", "is_default", true)).post("/api/experimental/model-configs").then().statusCode(201);

        signInWithTheKeyboard(admin);
        String name = "Console review " + UUID.randomUUID().toString().substring(0, 6);
        String automation = createAutomation(name, org);
        String[] trigger = createWebhookTrigger();
        previewCron();

        String matched = deliver(trigger, "{\"action\":\"opened\",\"pull_request\":{\"number\":7,\"title\":" + quoted(XSS_TITLE) + "}}");
        String filtered = deliver(trigger, "{\"action\":\"closed\",\"pull_request\":{\"number\":7}}");
        Map<String, Object> fired = awaitEvent(api, admin, automation, matched, "created");

        eventLogShowsLabelsAsText(name);
        filteredEventShowsItsReason(automation, filtered);
        String replayed = openAndReplay(api, admin, automation, matched);
        assertNotEquals(matched, replayed);
        chatShowsTheAgentsAnswers((String) fired.get("created_chat_id"));
        rotateTheSecret(name, automation, trigger);
        pageAndFilterByTrigger(api, admin, automation);
        testTool(automation);
        modelConfigs(api, admin, org, config);
        String server = mcpServers(api, admin, org);
        chooseTheServer(api, admin, automation, server);
        auditLog(name);
        browser.open("#/automations");
        browser.heading("Automations");
        browser.visible(By.linkText(name));
        browser.screenshot("01-automations");
        signOut();
        aMemberReadsTheMcpServers(member, org);
    }

    private void signInWithTheKeyboard(Api.User user) {
        browser.open("");
        browser.heading("Sign in");
        // Focus starts on the heading; the form is reached, filled and sent with the keyboard alone.
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement email = browser.driver.switchTo().activeElement();
        assertEquals("email", email.getAttribute("name"));
        email.sendKeys(user.email(), Keys.TAB, Api.PASSWORD, Keys.ENTER);
        browser.heading("Automations");
        Cookie session = browser.manage().getCookieNamed("coder_session_token");
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertFalse(String.valueOf(browser.script("return document.cookie")).contains("coder_session_token"));
    }

    private String createAutomation(String name, String org) {
        browser.visible(By.id("new-automation")).click();
        browser.heading("New automation");
        browser.type(By.name("name"), name);
        new Select(browser.visible(By.name("organization_id"))).selectByValue(org);
        new Select(browser.visible(By.name("status"))).selectByValue("active");
        browser.type(By.name("instructions"), "Review the pull request.");
        browser.visible(By.cssSelector("form button[type=submit]")).click();
        browser.heading(name);
        return browser.driver.getCurrentUrl().replaceAll(".*#/automations/", "");
    }

    /** Returns the trigger's id and its secret, read from the page that shows the secret once. */
    private String[] createWebhookTrigger() {
        browser.type(By.cssSelector("#new-trigger textarea[name=filter]"), "{\"action\": \"opened\"}");
        browser.type(By.cssSelector("#new-trigger textarea[name=label_paths]"), "{\"pr\": \"pull_request.number\", \"title\": \"pull_request.title\"}");
        browser.visible(By.cssSelector("#new-trigger button[type=submit]")).click();
        String secret = browser.visible(By.name("webhook-secret")).getAttribute("value");
        assertTrue(browser.visible(By.cssSelector(".secret")).getText().contains("shown only this once"));
        String url = browser.visible(By.name("webhook-url")).getAttribute("value");
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/api/v2/automations/triggers/[0-9a-f-]{36}/webhook"), url);
        browser.visible(By.cssSelector("[aria-label='Copy Webhook URL']")).click();
        browser.until("the copy is confirmed", d -> d.findElement(By.id("notice")).getText().contains("Webhook URL copied."));
        browser.screenshot("02-automation-and-trigger");
        return new String[]{url.replaceAll(".*/triggers/([^/]+)/webhook", "$1"), secret};
    }

    private void previewCron() {
        new Select(browser.visible(By.cssSelector("#new-trigger select[name=type]"))).selectByValue("cron");
        browser.type(By.cssSelector("#new-trigger input[name=cron_schedule]"), "0 9 * * MON");
        browser.until("five runs are previewed", d -> d.findElements(By.cssSelector("#new-trigger .preview li")).size() == 5);
        browser.screenshot("03-cron-preview");
        browser.type(By.cssSelector("#new-trigger input[name=cron_schedule]"), "61 * * * *");
        browser.visible(By.cssSelector("#new-trigger .preview [role=alert]"));
    }

    private String deliver(String[] trigger, String body) {
        return given().baseUri(base.toString()).contentType("application/json")
                .headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, trigger[1], body, 0))
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).body(body)
                .post("/api/v2/automations/triggers/" + trigger[0] + "/webhook").then().statusCode(200).extract().header("X-Automation-Event-Id");
    }

    private static Map<String, Object> awaitEvent(Api api, Api.User user, String automation, String event, String status) {
        return Await.until("event " + event + " is " + status, Duration.ofSeconds(60),
                () -> api.as(user.token()).get(AUTOMATIONS + "/" + automation + "/events/" + event).then().statusCode(200)
                        .extract().<Map<String, Object>>path(""),
                e -> status.equals(e.get("status")));
    }

    private void eventLogShowsLabelsAsText(String name) {
        browser.visible(By.id("event-log")).click();
        browser.heading("Event log: " + name);
        browser.until("both events are listed", d -> d.findElements(By.cssSelector("tbody tr")).size() == 2);
        String log = browser.visible(By.tagName("table")).getText();
        assertTrue(log.contains("pr: 7"), log);
        assertTrue(log.contains("title: " + XSS_TITLE), log);
        assertXssInert();
        browser.screenshot("04-event-log");
    }

    private void filteredEventShowsItsReason(String automation, String filtered) {
        new Select(browser.visible(By.name("status"))).selectByValue("filtered");
        browser.visible(By.cssSelector("form[aria-label='Filter events'] button[type=submit]")).click();
        browser.until("only the filtered event is listed", d -> d.getCurrentUrl().contains("status=filtered")
                && d.findElements(By.cssSelector("tbody tr")).size() == 1);
        browser.visible(By.cssSelector("a.event-link")).click();
        browser.heading("Event " + filtered);
        assertTrue(browser.driver.getCurrentUrl().endsWith("#/automations/" + automation + "/events/" + filtered));
        String reason = browser.visible(By.id("reason")).getText();
        assertTrue(reason.contains("action") && reason.contains("opened") && reason.contains("closed"), reason);
        browser.screenshot("05-filtered-event");
    }

    /** Opens the event on its own URL, replays it and returns the new event's id. */
    private String openAndReplay(Api api, Api.User admin, String automation, String event) {
        browser.open("#/automations/" + automation + "/events/" + event);
        browser.heading("Event " + event);
        String payload = browser.visible(By.cssSelector("pre.json")).getText();
        assertTrue(payload.contains("\"title\": " + quoted(XSS_TITLE)), payload);
        assertTrue(payload.contains("\n  \"pull_request\": {"), "pretty-printed: " + payload);
        assertXssInert();
        browser.screenshot("06-event");
        browser.visible(By.id("replay")).click();
        browser.until("the replayed event opens", d -> !d.getCurrentUrl().endsWith("/events/" + event)
                && d.findElements(By.id("replay")).size() == 1);
        String replayed = browser.driver.getCurrentUrl().replaceAll(".*/events/", "");
        awaitEvent(api, admin, automation, replayed, "continued");
        browser.open("#/automations/" + automation + "/events/" + event);
        browser.heading("Event " + event);
        return replayed;
    }

    private void chatShowsTheAgentsAnswers(String chat) {
        browser.visible(By.id("chat-link")).click();
        // The page polls while a turn runs: both answers (the delivery's and the replay's) arrive without a reload.
        browser.until("the agent has answered twice", d -> d.findElements(By.cssSelector("li[data-role=assistant] .text")).size() == 2);
        assertTrue(browser.driver.getCurrentUrl().endsWith("#/chats/" + chat));
        List<WebElement> answers = browser.driver.findElements(By.cssSelector("li[data-role=assistant] .text"));
        assertEquals(ANSWER, answers.get(0).getText());
        browser.until("the chat waits", d -> d.findElement(By.id("chat-status")).getText().startsWith("waiting"));
        assertTrue(browser.visible(By.cssSelector("li[data-role=user] .text")).getText().contains("Review the pull request."));
        assertXssInert();

        // A question typed here: the model answers after 1.5 s, and the answer appears while the page stays as it is.
        browser.script("window.__samePage = true");
        browser.type(By.name("content"), QUESTION);
        browser.visible(By.cssSelector("form[aria-label='Send a message'] button[type=submit]")).click();
        browser.until("the agent is working on the question", d -> d.findElement(By.id("chat-status")).getText().contains("the agent is working"));
        browser.until("the late answer arrives", d -> d.findElements(By.cssSelector("li[data-role=assistant] .text")).stream()
                .anyMatch(answer -> answer.getText().equals(LATER_ANSWER)));
        browser.until("the chat waits again", d -> d.findElement(By.id("chat-status")).getText().startsWith("waiting"));
        assertEquals(true, browser.script("return window.__samePage === true"), "the page was not reloaded");
        browser.screenshot("07-chat");
        browser.open("#/chats");
        browser.heading("Chats");
        browser.visible(By.cssSelector("a[href='#/chats/" + chat + "']"));
        browser.screenshot("08-chats");
    }

    private void testTool(String automation) {
        browser.open("#/automations/" + automation + "/test");
        browser.type(By.name("payload"), "{\"action\": \"opened\", \"pull_request\": {\"number\": 8}}");
        browser.visible(By.cssSelector("form button[type=submit]")).click();
        String verdict = browser.until("the verdict shows", d -> {
            String text = d.findElement(By.id("verdict")).getText();
            return text.isEmpty() ? null : text;
        });
        assertTrue(verdict.contains("yes") && verdict.contains("pr: 8") && verdict.contains("create a new chat"), verdict);
        browser.screenshot("09-test-tool");
    }

    /** Rotates the webhook secret with a grace period: the new secret shows once, with a warning, and is gone after a reload. */
    private void rotateTheSecret(String name, String automation, String[] trigger) {
        browser.open("#/automations/" + automation);
        browser.heading(name);
        browser.type(By.name("grace_period_seconds"), "600");
        browser.visible(By.cssSelector("form[aria-label='Rotate the secret'] button[type=submit]")).click();
        WebElement shown = browser.visible(By.name("webhook-secret"));
        String secret = shown.getAttribute("value");
        assertNotEquals(trigger[1], secret);
        assertEquals(shown, browser.driver.switchTo().activeElement(), "focus is on the new secret");
        String warning = browser.visible(By.cssSelector(".secret")).getText();
        assertTrue(warning.contains("shown only this once") && warning.contains("previous secret keeps verifying"), warning);
        browser.visible(By.xpath("//dt[.='Previous secret valid until']"));
        browser.screenshot("12-rotated-secret");
        browser.driver.navigate().refresh();
        browser.visible(By.xpath("//dt[.='Previous secret valid until']"));
        assertTrue(browser.driver.findElements(By.name("webhook-secret")).isEmpty());
        assertFalse(browser.driver.getPageSource().contains(secret), "the secret is not shown again");
    }

    /** Three events (the delivery, the filtered one, the replay) two to a page; another trigger of the automation has none. */
    private void pageAndFilterByTrigger(Api api, Api.User admin, String automation) {
        String other = api.webhookTrigger(admin.token(), automation);
        browser.open("#/automations/" + automation + "/events?limit=2");
        browser.until("the first page has two events", d -> d.findElements(By.cssSelector("tbody tr")).size() == 2);
        browser.visible(By.id("older")).click();
        browser.until("the second page has the oldest event", d -> d.getCurrentUrl().contains("offset=2")
                && d.findElements(By.cssSelector("tbody tr")).size() == 1);
        assertEquals("Events 3–3", browser.visible(By.id("page-range")).getText());
        assertTrue(browser.driver.findElements(By.id("older")).isEmpty());
        new Select(browser.visible(By.name("trigger_id"))).selectByValue(other);
        browser.visible(By.cssSelector("form[aria-label='Filter events'] button[type=submit]")).click();
        browser.until("the other trigger has no events", d -> d.getCurrentUrl().contains("trigger_id=" + other)
                && !d.getCurrentUrl().contains("offset") && d.findElement(By.tagName("main")).getText().contains("No events match."));
    }

    private void modelConfigs(Api api, Api.User admin, String org, String config) {
        browser.visible(By.linkText("Model configs")).click();
        browser.heading("Model configs");
        chooseOrganization(org);
        browser.until("the organization's config is listed", d -> d.findElement(By.tagName("main")).getText().contains(config));
        browser.visible(By.cssSelector("[aria-label='Edit " + config + "']")).click();
        browser.type(By.cssSelector("form[aria-label='Model config'] input[name=model]"), "gpt-4o-mini");
        browser.visible(By.cssSelector("form[aria-label='Model config'] button[type=submit]")).click();
        browser.until("the edited config is listed", d -> d.findElement(By.tagName("table")).getText().contains("gpt-4o-mini"));
        List<Map<String, Object>> configs = api.as(admin.token()).get("/api/experimental/model-configs?organization_id=" + org)
                .then().statusCode(200).extract().path("");
        assertEquals("gpt-4o-mini", configs.stream().filter(c -> config.equals(c.get("name"))).findFirst().orElseThrow().get("model"));
        browser.screenshot("10-model-configs");
    }

    /** Creates an MCP server with a header; returns its id. The header's value is never on a page. */
    private String mcpServers(Api api, Api.User admin, String org) {
        browser.visible(By.linkText("MCP servers")).click();
        browser.heading("MCP servers");
        chooseOrganization(org);
        browser.visible(By.id("new-mcp-servers")).click();
        browser.type(By.cssSelector("form[aria-label='MCP server'] input[name=name]"), MCP_SERVER);
        browser.type(By.cssSelector("form[aria-label='MCP server'] input[name=url]"), "http://127.0.0.1:" + model.port() + "/mcp");
        browser.type(By.cssSelector("form[aria-label='MCP server'] textarea[name=headers]"), "Authorization: Bearer " + MCP_TOKEN);
        browser.visible(By.cssSelector("form[aria-label='MCP server'] button[type=submit]")).click();
        browser.until("the server is listed with its headers set", d -> d.findElement(By.tagName("table")).getText()
                .contains(MCP_SERVER) && d.findElement(By.tagName("table")).getText().contains("set (never shown)"));
        browser.visible(By.cssSelector("[aria-label='Edit " + MCP_SERVER + "']")).click();
        assertEquals("", browser.visible(By.cssSelector("form[aria-label='MCP server'] textarea[name=headers]")).getAttribute("value"));
        browser.visible(By.cssSelector("form[aria-label='MCP server'] input[name=clear_headers]"));
        assertTokenNowhere();
        browser.screenshot("13-mcp-servers");
        List<Map<String, Object>> servers = api.as(admin.token()).get("/api/experimental/mcp-servers?organization_id=" + org)
                .then().statusCode(200).extract().path("");
        Map<String, Object> server = servers.stream().filter(s -> MCP_SERVER.equals(s.get("name"))).findFirst().orElseThrow();
        assertEquals(true, server.get("has_headers"));
        return (String) server.get("id");
    }

    /** The automation's form lists the organization's MCP servers as checkboxes, chosen with the keyboard. */
    private void chooseTheServer(Api api, Api.User admin, String automation, String server) {
        browser.open("#/automations/" + automation);
        WebElement choice = browser.visible(By.cssSelector("#mcp-choices input[value='" + server + "']"));
        String label = browser.visible(By.cssSelector("label[for='" + choice.getAttribute("id") + "']")).getText();
        assertTrue(label.startsWith(MCP_SERVER), label);
        choice.sendKeys(Keys.SPACE);
        assertTrue(choice.isSelected());
        browser.visible(By.cssSelector("form[aria-label='Automation settings'] button[type=submit]")).click();
        browser.until("the automation is saved", d -> d.findElement(By.id("notice")).getText().contains("Automation saved."));
        assertEquals(List.of(server), api.as(admin.token()).get(AUTOMATIONS + "/" + automation).then().statusCode(200)
                .extract().path("mcp_server_ids"));
        assertTokenNowhere();
        browser.screenshot("14-automation-with-mcp-server");
    }

    /** A member sees the organization's MCP servers but no way to change them. */
    private void aMemberReadsTheMcpServers(Api.User member, String org) {
        signInWithTheKeyboard(member);
        assertTrue(browser.driver.findElements(By.linkText("Audit log")).isEmpty(), "only admins get the audit log");
        browser.open("#/mcp-servers?organization_id=" + org);
        browser.heading("MCP servers");
        browser.until("the server is listed", d -> d.findElement(By.tagName("table")).getText().contains(MCP_SERVER));
        assertTrue(browser.driver.findElements(By.id("new-mcp-servers")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("[aria-label='Edit " + MCP_SERVER + "']")).isEmpty());
        assertTokenNowhere();
    }

    /** Chooses the organization on a page of organization settings and waits for the page to show it. */
    private static void chooseOrganization(String org) {
        WebElement chooser = browser.visible(By.name("organization_id"));
        Select select = new Select(chooser);
        if (!org.equals(select.getFirstSelectedOption().getAttribute("value"))) {
            select.selectByValue(org);
            browser.until("the page shows the organization", ExpectedConditions.stalenessOf(chooser));
        }
    }

    /** The MCP server's header value is in no page: not in the markup, not in any field's value. */
    private static void assertTokenNowhere() {
        assertFalse(browser.driver.getPageSource().contains(MCP_TOKEN), "the header value is in the page source");
        assertFalse(String.valueOf(browser.script("return [...document.querySelectorAll('input, textarea')].map(e => e.value).join(' ')"
                + " + document.body.innerText")).contains(MCP_TOKEN), "the header value is on the page");
    }

    private void auditLog(String name) {
        browser.open("#/audit?resource_type=automation");
        browser.heading("Audit log");
        browser.until("the automation's creation is listed", d -> d.findElement(By.tagName("table")).getText().contains(name));
        browser.screenshot("11-audit-log");
    }

    private void signOut() {
        browser.visible(By.id("sign-out")).click();
        browser.heading("Sign in");
        browser.open("#/automations");
        browser.heading("Sign in");
        Cookie left = browser.manage().getCookieNamed("coder_session_token");
        assertTrue(left == null || left.getValue().isEmpty(), "the session cookie is cleared");
    }

    /** No script from a payload ran and no element from one exists: payloads are text. */
    private static void assertXssInert() {
        assertNull(browser.script("return window.__xss"));
        assertEquals(0L, browser.script("return document.querySelectorAll('main script, main img').length"));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrict() {
        Api api = api();
        api.ownerToken();
        HttpResponse<String> login = api.raw("POST", "/api/v2/users/login",
                "{\"email\":\"" + Api.OWNER_EMAIL + "\",\"password\":\"" + Api.OWNER_PASSWORD + "\"}", "Content-Type", "application/json");
        assertEquals(201, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("coder_session_token="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.matches("(?i).*;\\s*SameSite=Strict.*"), cookie);
        assertFalse(cookie.matches("(?i).*;\\s*Secure(;.*|$)"), "plain HTTP gets no Secure cookie: " + cookie);
        // A cross-site form can post text/plain but never application/json: login refuses the first.
        assertEquals(415, api.raw("POST", "/api/v2/users/login", "{\"email\":\"" + Api.OWNER_EMAIL + "\",\"password\":\""
                + Api.OWNER_PASSWORD + "\"}", "Content-Type", "text/plain").statusCode());
    }

    @Test
    void aWriteAuthenticatedOnlyByTheCookieNeedsTheHeader() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String cookie = "coder_session_token=" + user.token();
        String body = "{\"name\":\"forged " + UUID.randomUUID() + "\",\"organization_id\":\"" + Hook.DEFAULT_ORG + "\"}";

        HttpResponse<String> forged = api.raw("POST", AUTOMATIONS, body, "Cookie", cookie, "Content-Type", "application/json");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("X-Requested-With"), forged.body());
        assertEquals("application/json", forged.headers().firstValue("Content-Type").orElseThrow().replaceAll(";.*", ""));
        assertEquals(200, api.raw("GET", AUTOMATIONS, null, "Cookie", cookie).statusCode(), "reads need no header");

        HttpResponse<String> console = api.raw("POST", AUTOMATIONS, body, "Cookie", cookie, "Content-Type", "application/json",
                "X-Requested-With", "automations-console");
        assertEquals(201, console.statusCode(), console.body());
        HttpResponse<String> tokenClient = api.raw("POST", AUTOMATIONS, body.replace("forged", "token"), "Coder-Session-Token", user.token(),
                "Content-Type", "application/json");
        assertEquals(201, tokenClient.statusCode(), tokenClient.body());
    }

    @Test
    void theConsoleIsHtmlWhileApiErrorsStayJson() {
        Api api = api();
        HttpResponse<String> page = api.raw("GET", "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"console/app.js\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        HttpResponse<String> script = api.raw("GET", "/console/app.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));

        String token = api.ownerToken();
        for (String path : List.of("/api/v2/no-such-thing", "/no-such-page.html", "/console/no-such.js")) {
            HttpResponse<String> missing = api.raw("GET", path, null, "Accept", "text/html", "Coder-Session-Token", token);
            assertEquals(404, missing.statusCode(), path);
            assertTrue(missing.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"), path);
            assertTrue(missing.body().startsWith("{\"message\":"), missing.body());
        }
        HttpResponse<String> unauthenticated = api.raw("GET", AUTOMATIONS, null, "Accept", "text/html");
        assertEquals(401, unauthenticated.statusCode());
        assertTrue(unauthenticated.body().startsWith("{\"message\":"), unauthenticated.body());
    }
}
