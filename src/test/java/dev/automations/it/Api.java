package dev.automations.it;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** A client of the running service, with the site owner and fresh users the tests act as. */
public final class Api {

    public static final String OWNER_EMAIL = "owner@example.com";
    public static final String OWNER_PASSWORD = "owner-password-1";
    public static final String PASSWORD = "member-password-1";

    private final String base;

    public Api(URL base) {
        this.base = base.toString();
    }

    /** No content negotiation: for the server's own endpoints that are not JSON (metrics, OpenAPI). */
    public RequestSpecification plain() {
        return given().baseUri(base);
    }

    /** The sum of the server's Prometheus samples of {@code name} that carry {@code label} (e.g. {@code outcome="answered"}). */
    public double metric(String name, String label) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$", Pattern.MULTILINE)
                .matcher(plain().get("/metrics").asString());
        double sum = 0;
        while (sample.find()) {
            sum += Double.parseDouble(sample.group(1));
        }
        return sum;
    }

    public RequestSpecification anonymous() {
        return given().baseUri(base).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public RequestSpecification as(String token) {
        return anonymous().header("Coder-Session-Token", token);
    }

    /**
     * The site owner's session. Whichever test asks first on the run's fresh database creates the first user, and
     * that creation must be a 201. The check and the creation hold one lock, so two tests asking at once cannot both
     * find no user and race for it.
     */
    public String ownerToken() {
        synchronized (Api.class) {
            if (anonymous().get("/api/v2/users/first").statusCode() == 404) {
                anonymous().body(Map.of("email", OWNER_EMAIL, "username", "owner", "password", OWNER_PASSWORD))
                        .post("/api/v2/users/first").then().statusCode(201);
            }
        }
        return login(OWNER_EMAIL, OWNER_PASSWORD);
    }

    public String login(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password)).post("/api/v2/users/login")
                .then().statusCode(201).extract().path("session_token");
    }

    /** A new member of the default organization: its id and a session token. */
    public User newUser(String ownerToken) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.com";
        String id = as(ownerToken).body(Map.of("email", email, "username", name, "password", PASSWORD))
                .post("/api/v2/users").then().statusCode(201).extract().path("id");
        return new User(id, name, email, login(email, PASSWORD));
    }

    /** A new organization, with the given users as members and the first of them as its admin. */
    public String organization(String ownerToken, User admin, User... members) {
        String id = as(ownerToken).body(Map.of("name", "org-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v2/organizations").then().statusCode(201).extract().path("id");
        if (admin != null) {
            as(ownerToken).post("/api/v2/organizations/" + id + "/members/" + admin.id()).then().statusCode(200);
            as(ownerToken).body(Map.of("roles", java.util.List.of("organization-admin")))
                    .put("/api/v2/organizations/" + id + "/members/" + admin.id() + "/roles").then().statusCode(200);
        }
        for (User member : members) {
            as(ownerToken).post("/api/v2/organizations/" + id + "/members/" + member.id()).then().statusCode(200);
        }
        return id;
    }

    public String automation(String token, String organization) {
        return as(token).body(Map.of("name", "a-" + UUID.randomUUID(), "organization_id", organization))
                .post("/api/experimental/automations").then().statusCode(201).extract().path("id");
    }

    /** A model config of the organization; the token must be a site owner's or an admin's of it. */
    public String modelConfig(String token, String organization) {
        return as(token).body(Map.of("organization_id", organization, "name", "m-" + UUID.randomUUID(),
                        "base_url", "http://127.0.0.1:11434/v1", "model", "llama3.2"))
                .post("/api/experimental/model-configs").then().statusCode(201).extract().path("id");
    }

    public String webhookTrigger(String token, String automation) {
        return as(token).body(Map.of("type", "webhook")).post("/api/experimental/automations/" + automation + "/triggers")
                .then().statusCode(201).extract().path("id");
    }

    public record User(String id, String username, String email, String token) {
    }

    /**
     * A request exactly as given, for headers a REST client would tidy up (an empty or repeated Content-Type):
     * {@code headers} are name, value pairs, a name may repeat.
     */
    public HttpResponse<String> raw(String method, String path, String body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
}
