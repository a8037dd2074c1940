package dev.automations.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile input suite's requests, reproducible from a seed. Admin requests are drawn from the service's own
 * OpenAPI document, so a new endpoint is attacked as soon as it is documented: every operation, with ids that exist
 * and ids that do not, bodies whose fields have the wrong types, are missing or extra, huge, deeply nested, not UTF-8
 * or not JSON, odd content types and tokens. Webhook requests go to real triggers of every scheme and to unknown
 * ones, with malformed signature headers, any content type and any body.
 */
final class HostileRequests {

    private static final Pattern OTHER_PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");

    /** What the service must do with a request: the webhook always answers 200 (§6). */
    record Hostile(String label, HttpRequest request, boolean webhook) {
    }

    /** Ids and credentials of a user's own fixture, so that requests also reach past the 404s. */
    record Fixture(String token, String userId, String organizationId, String automationId, Map<SignatureScheme, Trigger> webhooks,
                   String cronTriggerId, String eventId, String chatId) {
    }

    record Trigger(String id, String secret) {
    }

    private record Operation(String method, String path, String bodySchema, List<String> query) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int HUGE_BODIES = 40;
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "", "text/plain",
        "garbage", "application/json; charset=", "application/json, text/plain", "application/x-www-form-urlencoded", "*/*",
        "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/merge-patch+json", ";;;"};
    private static final String[] ACCEPTS = {"application/json", "text/html", ";;;", "*/*", "application/xml", "text/html;q=abc"};

    private final URI base;
    private final JsonNode openapi;
    private final Fixture fixture;
    private final Random random;
    private final List<Operation> operations = new ArrayList<>();
    private int hugeBodies;

    HostileRequests(URI base, JsonNode openapi, Fixture fixture, long seed) {
        this.base = base;
        this.openapi = openapi;
        this.fixture = fixture;
        this.random = new Random(seed);
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String ref = op.getValue().at("/requestBody/content/application~1json/schema/$ref").asText("");
                List<String> query = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> {
                    if (p.get("in").asText().equals("query")) {
                        query.add(p.get("name").asText());
                    }
                });
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(),
                        ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1), query));
            }
        }
    }

    int operationCount() {
        return operations.size();
    }

    Hostile next() {
        return random.nextInt(10) < 6 ? admin() : webhook();
    }

    private Hostile admin() {
        Operation op = operations.get(random.nextInt(operations.size()));
        if (op.path().contains("/webhook")) {
            return webhook();
        }
        String method = random.nextInt(40) == 0 ? pick("GET", "PUT", "DELETE", "PATCH", "POST") : op.method();
        StringBuilder url = new StringBuilder(pathFor(op, method));
        String separator = "?";
        for (String name : op.query()) {
            if (random.nextBoolean()) {
                url.append(separator).append(name).append('=').append(encode(queryValue(name)));
                separator = "&";
            }
        }
        boolean logout = op.path().endsWith("/logout");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(url.toString())).timeout(TIMEOUT);
        authenticate(request, logout);
        byte[] body = op.bodySchema() != null || random.nextInt(20) == 0 ? body(op.bodySchema()) : null;
        contentType(request, body != null, 7);
        if (random.nextInt(10) == 0) {
            request.header("Accept", pick(ACCEPTS));
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return new Hostile(method + " " + url + bodyLabel(body), request.build(), false);
    }

    private Hostile webhook() {
        String trigger;
        Trigger signed = null;
        int which = random.nextInt(20);
        if (which < 14) {
            SignatureScheme scheme = SignatureScheme.values()[random.nextInt(SignatureScheme.values().length)];
            signed = fixture.webhooks().get(scheme);
            trigger = signed.id();
        } else if (which < 15) {
            trigger = fixture.cronTriggerId();
        } else if (which < 17) {
            trigger = UUID.randomUUID().toString();
        } else {
            trigger = encode(pick("x", "not-a-uuid", "z".repeat(3000), "00000000-0000-0000-0000-00000000000g", "ü", "..x", "a b"));
        }
        byte[] body = random.nextInt(8) == 0 ? form() : body(null);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v2/automations/triggers/" + trigger + "/webhook"))
                .timeout(TIMEOUT);
        contentType(request, true, 5);
        if (random.nextInt(4) == 0) {
            request.header("Accept", pick(ACCEPTS));
        }
        signatureHeaders(request, signed, body);
        if (random.nextBoolean()) {
            request.header(pick("X-GitHub-Delivery", "webhook-id", "Idempotency-Key", "X-Gitlab-Event-UUID", "X-Request-Id"),
                    random.nextInt(10) == 0 ? "d".repeat(600) : "delivery-" + random.nextInt(200));
        }
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return new Hostile("POST webhook " + trigger.substring(0, Math.min(40, trigger.length())) + bodyLabel(body), request.build(), true);
    }

    /** Path parameters: mostly the fixture's own ids, else ids that exist nowhere or are no ids at all. */
    private String pathFor(Operation op, String method) {
        String path = op.path();
        boolean destructive = method.equals("DELETE");
        for (String name : List.of("automation", "trigger", "event", "chat", "user", "organization", "key")) {
            String placeholder = "{" + name + "}";
            if (path.contains(placeholder)) {
                path = path.replace(placeholder, !destructive && random.nextInt(10) < 7 ? ownId(name) : encode(hostileId()));
            }
        }
        // Resources this generator keeps no fixture for (model configs, …): an unknown or a hostile id.
        Matcher other = OTHER_PLACEHOLDER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (other.find()) {
            other.appendReplacement(filled, Matcher.quoteReplacement(random.nextBoolean() ? UUID.randomUUID().toString() : encode(hostileId())));
        }
        return other.appendTail(filled).toString();
    }

    private String ownId(String name) {
        return switch (name) {
            case "automation" -> fixture.automationId();
            case "trigger" -> random.nextBoolean() ? fixture.webhooks().get(SignatureScheme.HMAC_SHA256).id() : fixture.cronTriggerId();
            case "event" -> fixture.eventId();
            case "chat" -> fixture.chatId();
            case "user" -> random.nextBoolean() ? "me" : fixture.userId();
            case "organization" -> fixture.organizationId();
            default -> UUID.randomUUID().toString();
        };
    }

    private String hostileId() {
        return pick(UUID.randomUUID().toString(), "not-a-uuid", "", "0", "-1", "x".repeat(5000), "me", "ü",
                "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000001", "' OR 1=1 --", "<script>");
    }

    private String queryValue(String name) {
        return switch (random.nextInt(6)) {
            case 0 -> pick("-1", "0", "501", "2147483648", "1e3", "abc", "", "50.5");
            case 1 -> pick("pending", "created", "bogus", "all", "mine", "true", "maybe", "key:value", ":", "k:" + "v".repeat(400));
            case 2 -> UUID.randomUUID().toString();
            case 3 -> "x".repeat(random.nextInt(4000));
            case 4 -> name.equals("limit") ? Integer.toString(random.nextInt(600)) : fixture.automationId();
            default -> "ü€\u2028";
        };
    }

    private void authenticate(HttpRequest.Builder request, boolean logout) {
        int which = random.nextInt(20);
        if (which < 16 && !logout) {
            request.header("Coder-Session-Token", fixture.token());
        } else if (which < 17) {
            request.header("Authorization", pick("Bearer ", "Bearer " + "a".repeat(5000), "Basic Zm9vOmJhcg==", "Bearer x-y-z"));
        } else if (which < 18) {
            request.header("Cookie", pick("coder_session_token=", "coder_session_token=junk; other=1", ";;=;", "$Version=1; a"));
        } else if (which < 19) {
            request.header("Coder-Session-Token", pick("", "junk", UUID.randomUUID() + "-" + UUID.randomUUID(), "a".repeat(3000)));
        }
    }

    /** Content-Type: what the endpoint expects {@code odds} times in 10, else anything, missing, or twice. */
    private void contentType(HttpRequest.Builder request, boolean hasBody, int odds) {
        int which = random.nextInt(10);
        if (which < odds) {
            if (hasBody) {
                request.header("Content-Type", "application/json");
            }
        } else if (which < 9) {
            request.header("Content-Type", pick(CONTENT_TYPES));
        } else {
            request.header("Content-Type", pick(CONTENT_TYPES)).header("Content-Type", pick(CONTENT_TYPES));
        }
    }

    private void signatureHeaders(HttpRequest.Builder request, Trigger signed, byte[] body) {
        long now = Instant.now().getEpochSecond();
        int which = random.nextInt(12);
        if (which < 3 && signed != null) {
            SignatureScheme scheme = fixture.webhooks().entrySet().stream().filter(e -> e.getValue() == signed).findFirst().orElseThrow().getKey();
            TestSigning.signedHeaders(scheme, signed.secret(), new String(body, StandardCharsets.UTF_8), now).forEach(request::header);
            return;
        }
        switch (which) {
            case 3 -> request.header("X-Hub-Signature-256", pick("sha256=", "sha256=zz", "sha256=" + "0".repeat(64), "md5=abc", "sha256"));
            case 4 -> request.header("Stripe-Signature", pick("t=abc,v1=", "t=" + now, ",,,", "v1=" + "f".repeat(64), "t=-1,v1=00"));
            case 5 -> request.header("X-Slack-Request-Timestamp", pick("abc", "-1", "99999999999999999999", Long.toString(now - 100_000)))
                    .header("X-Slack-Signature", pick("v0=", "v0=zz", "v1=" + "0".repeat(64)));
            case 6 -> request.header("webhook-id", "msg").header("webhook-timestamp", pick("x", Long.toString(now)))
                    .header("webhook-signature", pick("v1,!!!", "v1,", "v2,abc", "v1," + "A".repeat(44) + " v1,%%%"));
            case 7 -> request.header("X-Gitlab-Token", pick("", "wrong", "t".repeat(8000)));
            case 8 -> request.header("Authorization", pick("Bearer ", "Bearer wrong", "Basic x"));
            case 9 -> request.header("X-Hub-Signature-256", "sha256=" + "a".repeat(7000));
            default -> {
                // no signature at all
            }
        }
    }

    /** A body for {@code schema} (a component of the document), or for a webhook when null. */
    private byte[] body(String schema) {
        int which = random.nextInt(100);
        if (which < 3 && hugeBodies < HUGE_BODIES) {
            hugeBodies++;
            return utf8("{\"x\":\"" + "h".repeat(1024 * 1024 + random.nextInt(1000)) + "\"}");
        }
        if (which < 40) {
            return utf8(object(schema));
        }
        if (which < 48) {
            return utf8("{}");
        }
        if (which < 55) {
            String object = object(schema);
            return utf8(object.substring(0, object.length() - 1) + (object.length() > 2 ? "," : "") + "\"unknown_field\":" + value() + "}");
        }
        if (which < 62) {
            int depth = depth();
            return utf8(random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
        }
        if (which < 68) {
            return invalidUtf8(object(schema));
        }
        if (which < 75) {
            return utf8(pick("{\"a\":", "{'a':1}", "nul", "{\"a\":1}}", "[1,]", "\"", "{\"a\" 1}", "\uFEFF{}", "{} {}", "0x10"));
        }
        if (which < 80) {
            return utf8(pick("[]", "[{}]", "1", "\"text\"", "null", "true", "1e999"));
        }
        if (which < 85) {
            return utf8("{\"n\":" + pick("1e2147483648", "1e999999999", "9".repeat(5000), "-0", "1" + "0".repeat(400), "0.0000001e-999") + "}");
        }
        if (which < 90) {
            return new byte[0];
        }
        return utf8(object(schema));
    }

    private byte[] form() {
        String payload = pick("{\"action\":\"opened\"}", "%zz", "[".repeat(2000), "{\"a\":" + "9".repeat(3000) + "}", "");
        return utf8(pick("payload=" + (payload.equals("%zz") ? payload : encode(payload)), "payload", "a=1&b=2", "payload=&payload=x"));
    }

    /** An object with the schema's fields (some left out), each a plausible value or anything at all. */
    private String object(String schema) {
        JsonNode properties = schema == null ? null : openapi.at("/components/schemas/" + schema + "/properties");
        List<String> names = new ArrayList<>();
        if (properties != null && !properties.isMissingNode()) {
            properties.fieldNames().forEachRemaining(names::add);
        } else {
            names.addAll(List.of("action", "number", "pull_request", "repository", "labels", "ref"));
        }
        StringBuilder json = new StringBuilder("{");
        for (String name : names) {
            if (random.nextInt(10) < 7) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(name).append("\":").append(random.nextInt(10) < 4 ? plausible(name) : value());
            }
        }
        return json.append('}').toString();
    }

    /** A value of the kind the field takes, often just past what it allows, to reach deeper validation. */
    private String plausible(String field) {
        return switch (field) {
            case "type" -> pick("\"webhook\"", "\"cron\"", "\"x\"");
            case "signature_scheme" -> pick("\"hmac-sha256\"", "\"standard-webhooks\"", "\"stripe\"", "\"slack\"", "\"token\"", "\"nope\"");
            case "cron_schedule" -> pick("\"* * * * *\"", "\"@daily\"", "\"61 * * * *\"", "\"CRON_TZ=Nope/Zone * * * * *\"", "\"*/0 * * * *\"",
                    "\"@reboot\"", "\"0 0 30 2 *\"");
            case "filter" -> pick("{\"a\":1}", "{\"$or\":[]}", "{\"a\":{\"$regex\":\"(\"}}", "{\"$.x[?(@.a =~ /x/)]\":1}",
                    "{\"a\":{\"$bogus\":1}}", "{\"header:X\":{\"$in\":5}}", "{\"$not\":" + "{\"$not\":".repeat(60) + "{}" + "}".repeat(61));
            case "label_paths" -> pick("{\"k\":\"a.b\"}", "{\"bad key!\":\"x\"}", "{\"k\":1}", "{\"k\":\"$..a\"}", "{\"k\":\"*\"}");
            case "status" -> pick("\"active\"", "\"disabled\"", "\"preview\"", "\"bogus\"");
            case "email" -> pick("\"a@b.c\"", "\"not-an-email\"", "\"" + "e".repeat(300) + "@x.y\"");
            case "username" -> pick("\"ok-name\"", "\"-bad\"", "\"" + "u".repeat(40) + "\"");
            case "password" -> pick("\"short\"", "\"" + "p".repeat(300) + "\"", "\"a-long-password\"");
            case "roles" -> pick("[\"owner\"]", "[\"bogus\"]", "\"owner\"", "[\"organization-admin\"]", "[null]");
            case "organization_id" -> pick("\"00000000-0000-0000-0000-000000000001\"", "\"" + UUID.randomUUID() + "\"", "\"junk\"");
            case "webhook_secret" -> pick("\"short\"", "\"whsec_!!\"", "\" padded \"", "\"" + "s".repeat(2000) + "\"");
            case "grace_period_seconds", "lifetime_seconds", "max_chat_creates_per_hour", "max_messages_per_hour" ->
                    pick("-1", "0", "1", "604801", "31536001", "2147483648", "1.5");
            case "content", "title", "description", "instructions", "name" -> pick("\"\"", "\"ok\"", "\"" + "c".repeat(70_000) + "\"");
            case "mcp_server_ids" -> pick("[]", "[\"" + UUID.randomUUID() + "\"]", "[\"x\"]", "[" + "\"a\",".repeat(150) + "\"a\"]");
            case "allowed_tools" -> pick("[]", "[\"\"]", "[\"" + "t".repeat(300) + "\"]");
            case "labels" -> pick("{\"k\":\"v\"}", "{\"\":\"v\"}", "{\"k\":1}", "[\"k\"]");
            case "payload" -> pick("{\"action\":\"opened\",\"number\":1}", "[" + "[".repeat(600) + "]".repeat(600) + "]", "null", "\"text\"");
            case "headers" -> pick("{\"X-Event\":\"push\"}", "{\"X\":1}", "[]");
            case "trigger_id" -> pick("\"" + fixture.webhooks().get(SignatureScheme.HMAC_SHA256).id() + "\"", "\"" + UUID.randomUUID() + "\"");
            case "archived" -> pick("true", "\"yes\"");
            default -> value();
        };
    }

    /** Any JSON value, of any type and size. */
    private String value() {
        return switch (random.nextInt(22)) {
            case 0 -> "\"\"";
            case 1 -> "\"" + "x".repeat(random.nextInt(5000)) + "\"";
            case 2 -> "\"\\u0000nul\"";
            case 3 -> "\"\\ud800 lone surrogate\"";
            case 4 -> "1e999";
            case 5 -> "-1";
            case 6 -> "9223372036854775808";
            case 7 -> "1.5";
            case 8 -> "true";
            case 9 -> "null";
            case 10 -> "[]";
            case 11 -> "{}";
            case 12 -> "[1,\"a\",null,{}]";
            case 13 -> "{\"a\":{\"b\":[1]}}";
            case 14 -> "[".repeat(40) + "]".repeat(40);
            case 15 -> "\"ü€😀\u202e\"";
            case 16 -> "\"00000000-0000-0000-0000-000000000001\"";
            case 17 -> "\"" + UUID.randomUUID() + "\"";
            case 18 -> "\"me\"";
            case 19 -> "\"<script>alert(1)</script>\"";
            case 20 -> "\"' OR 1=1 --\"";
            default -> "\"\\\\\\\"\\n\\t\"";
        };
    }

    private byte[] invalidUtf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = utf8(text);
        int at = bytes.length / 2;
        out.write(bytes, 0, at);
        byte[][] broken = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88}};
        out.writeBytes(broken[random.nextInt(broken.length)]);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String bodyLabel(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, 0, Math.min(60, body.length), StandardCharsets.UTF_8);
        return " [" + body.length + " B] " + text.replaceAll("\\s", " ");
    }

    /** Nesting past the service's limit (512), sometimes far past it, sometimes just inside it. */
    private int depth() {
        return pick(500 + random.nextInt(12), 513 + random.nextInt(600), 1001, 100_000);
    }
}
