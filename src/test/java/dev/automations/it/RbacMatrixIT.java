package dev.automations.it;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole §12 matrix: every endpoint of §4 and §5, called by each kind of subject on an automation owned by
 * a plain member of organization A. Each call gets a fresh automation and trigger, so a delete cannot hide a later row.
 * All mismatches are reported together.
 */
class RbacMatrixIT extends ServiceIT {

    private static final String AUTOMATIONS = "/api/experimental/automations";

    /** One call against the automation {@code a} and its webhook trigger {@code t}, and the status it has when allowed. */
    private record Call(String name, int allowed, Function<RequestSpecification, Integer> send) {
    }

    @Test
    void everySubjectGetsExactlyWhatSection12Allows() {
        Api api = api();
        String siteOwner = api.ownerToken();
        Api.User owner = api.newUser(siteOwner);
        Api.User adminA = api.newUser(siteOwner);
        Api.User memberA = api.newUser(siteOwner);
        Api.User adminB = api.newUser(siteOwner);
        Api.User memberB = api.newUser(siteOwner);
        String orgA = api.organization(siteOwner, adminA, owner, memberA);
        api.organization(siteOwner, adminB, memberB);

        Map<String, String> subjects = new LinkedHashMap<>();
        subjects.put("owner", owner.token());
        subjects.put("org admin, same org", adminA.token());
        subjects.put("org admin, other org", adminB.token());
        subjects.put("member, same org", memberA.token());
        subjects.put("member, other org", memberB.token());
        subjects.put("site owner", siteOwner);
        subjects.put("unauthenticated", null);
        List<String> allowed = List.of("owner", "org admin, same org", "site owner");

        List<String> mismatches = new ArrayList<>();
        for (var subject : subjects.entrySet()) {
            for (Call call : calls(api, owner.token(), orgA)) {
                int expected = subject.getValue() == null ? 401 : allowed.contains(subject.getKey()) ? call.allowed() : 404;
                RequestSpecification request = subject.getValue() == null ? api.anonymous() : api.as(subject.getValue());
                int actual = call.send().apply(request);
                if (actual != expected) {
                    mismatches.add(subject.getKey() + " / " + call.name() + ": expected " + expected + ", got " + actual);
                }
            }
            int create = (subject.getValue() == null ? api.anonymous() : api.as(subject.getValue()))
                    .body(Map.of("name", "rbac-create", "organization_id", orgA)).post(AUTOMATIONS).statusCode();
            int expectedCreate = subject.getValue() == null ? 401
                    : List.of("owner", "org admin, same org", "member, same org").contains(subject.getKey()) ? 201 : 400;
            if (create != expectedCreate) {
                mismatches.add(subject.getKey() + " / create in org A: expected " + expectedCreate + ", got " + create);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void listingWithScopeAllShowsExactlyTheReadableAutomations() {
        Api api = api();
        String siteOwner = api.ownerToken();
        Api.User owner = api.newUser(siteOwner);
        Api.User adminA = api.newUser(siteOwner);
        Api.User memberA = api.newUser(siteOwner);
        Api.User adminB = api.newUser(siteOwner);
        String orgA = api.organization(siteOwner, adminA, owner, memberA);
        api.organization(siteOwner, adminB);
        String automation = api.automation(owner.token(), orgA);
        Map<String, Boolean> sees = new LinkedHashMap<>();
        for (var subject : Map.of("owner", owner.token(), "adminA", adminA.token(), "memberA", memberA.token(),
                "adminB", adminB.token(), "siteOwner", siteOwner).entrySet()) {
            List<String> ids = api.as(subject.getValue()).get(AUTOMATIONS + "?scope=all&limit=500").then().statusCode(200)
                    .extract().path("id");
            sees.put(subject.getKey(), ids.contains(automation));
        }
        assertEquals(Map.of("owner", true, "adminA", true, "memberA", false, "adminB", false, "siteOwner", true), sees);
        List<String> mine = api.as(adminA.token()).get(AUTOMATIONS).then().statusCode(200).extract().path("id");
        assertEquals(false, mine.contains(automation), "without scope=all only the caller's own are listed");
    }

    private static List<Call> calls(Api api, String ownerToken, String organization) {
        return List.of(
                call(api, ownerToken, organization, "GET automation", 200, (r, a, t) -> r.get(AUTOMATIONS + "/" + a).statusCode()),
                call(api, ownerToken, organization, "PATCH automation", 200,
                        (r, a, t) -> r.body(Map.of("description", "changed")).patch(AUTOMATIONS + "/" + a).statusCode()),
                call(api, ownerToken, organization, "DELETE automation", 204, (r, a, t) -> r.delete(AUTOMATIONS + "/" + a).statusCode()),
                call(api, ownerToken, organization, "POST trigger", 201,
                        (r, a, t) -> r.body(Map.of("type", "webhook")).post(AUTOMATIONS + "/" + a + "/triggers").statusCode()),
                call(api, ownerToken, organization, "GET triggers", 200, (r, a, t) -> r.get(AUTOMATIONS + "/" + a + "/triggers").statusCode()),
                call(api, ownerToken, organization, "GET trigger", 200,
                        (r, a, t) -> r.get(AUTOMATIONS + "/" + a + "/triggers/" + t).statusCode()),
                call(api, ownerToken, organization, "PATCH trigger", 200, (r, a, t) -> r.body(Map.of("filter", Map.of("action", "opened")))
                        .patch(AUTOMATIONS + "/" + a + "/triggers/" + t).statusCode()),
                call(api, ownerToken, organization, "DELETE trigger", 204,
                        (r, a, t) -> r.delete(AUTOMATIONS + "/" + a + "/triggers/" + t).statusCode()),
                call(api, ownerToken, organization, "regenerate secret", 200, (r, a, t) -> r.body(Map.of())
                        .post(AUTOMATIONS + "/" + a + "/triggers/" + t + "/regenerate-secret").statusCode()));
    }

    private interface Send {
        int apply(RequestSpecification request, String automation, String trigger);
    }

    /** Each call creates its own automation and trigger just before it is sent. */
    private static Call call(Api api, String ownerToken, String organization, String name, int allowed, Send send) {
        return new Call(name, allowed, request -> {
            String automation = api.automation(ownerToken, organization);
            String trigger = api.webhookTrigger(ownerToken, automation);
            return send.apply(request, automation, trigger);
        });
    }
}
