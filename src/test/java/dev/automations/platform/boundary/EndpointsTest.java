package dev.automations.platform.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document lists every resource method once, with an answer type that matches what the method returns. */
class EndpointsTest {

    @Test
    void everyResourceMethodIsDocumentedExactlyOnce() throws Exception {
        Set<String> inCode = new TreeSet<>();
        for (Class<?> resource : resources()) {
            for (Method m : resource.getMethods()) {
                Endpoint.httpMethod(m).ifPresent(verb -> inCode.add(verb + " " + Endpoint.path(resource, m)));
            }
        }
        List<String> documented = Operations.all().stream().map(e -> e.httpMethod() + " " + e.path()).toList();
        assertEquals(documented.size(), new HashSet<>(documented).size(), () -> "listed twice: " + documented);
        assertEquals(inCode, new TreeSet<>(documented));
    }

    @Test
    void operationIdsAreUnique() {
        List<String> ids = Operations.all().stream().map(Endpoint::operationId).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), () -> "repeated: " + ids);
    }

    @Test
    void theDocumentedAnswerIsWhatTheMethodReturns() {
        for (Endpoint e : Operations.all()) {
            Type returned = e.method().getGenericReturnType();
            String where = e.operationId();
            if (returned == Response.class || returned == JsonObject.class) {
                assertTrue(e.status() == 204 ? e.response() == null : e.response() != null, where + ": state the body behind " + returned);
            } else if (returned instanceof ParameterizedType list) {
                assertEquals(new Endpoint.ListOf((Class<?>) list.getActualTypeArguments()[0]), e.response(), where);
            } else {
                assertEquals(returned, e.response(), where);
            }
            e.requestBody().ifPresent(body -> assertTrue(body != JsonObject.class, where + ": state the record a JsonObject body stands for"));
        }
    }

    @Test
    void patchBodiesNameTheirRecord() {
        Operations.all().stream().filter(e -> e.httpMethod().equals("PATCH"))
                .forEach(e -> assertNotNull(e.body(), e.operationId()));
    }

    private static List<Class<?>> resources() throws IOException, URISyntaxException {
        java.nio.file.Path classes = java.nio.file.Path.of(Endpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(java.nio.file.Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(EndpointsTest::load)
                    .filter(c -> c.isAnnotationPresent(Path.class) && !Modifier.isAbstract(c.getModifiers()))
                    .<Class<?>>map(c -> c).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EndpointsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
