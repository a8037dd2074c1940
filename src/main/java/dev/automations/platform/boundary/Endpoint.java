package dev.automations.platform.boundary;

import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the API as {@code /openapi} describes it (see {@link OpenApiDocument}). What the code already
 * says (HTTP method, path, path and query parameters, request body type) is read from the resource method; the rest
 * (statuses, the types behind {@code Response} and PATCH's {@code JsonObject}) is stated by the feature that owns the
 * resource, in its {@link Operations}.
 *
 * @param response the 2xx body: a record, {@link #listOf} a record, or null for no body
 * @param body     the record a {@code JsonObject} body stands for (PATCH: an absent field and null differ)
 * @param errors   the 4xx statuses the operation answers besides those every operation of its kind can answer
 */
public record Endpoint(Class<?> resource, String javaMethod, String operationId, String summary, boolean authenticated,
                       int status, Type response, Class<?> body, int... errors) {

    public static final boolean PUBLIC = false;
    public static final boolean SIGNED_IN = true;

    /** A JSON array of {@code element}: the answer of a method that returns {@code List<element>}. */
    public record ListOf(Class<?> element) implements Type {
    }

    public static Type listOf(Class<?> element) {
        return new ListOf(element);
    }

    private static final String API_ROOT = "/api/";
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");
    private static final List<Class<? extends Annotation>> NOT_A_BODY = List.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    Method method() {
        return Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals(javaMethod) && httpMethod(m).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException(resource.getSimpleName() + "." + javaMethod + " is not a resource method"));
    }

    String httpMethod() {
        return httpMethod(method()).orElseThrow();
    }

    static Optional<String> httpMethod(Method m) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
            if (m.isAnnotationPresent(verb)) {
                return Optional.of(verb.getSimpleName());
            }
        }
        return Optional.empty();
    }

    String path() {
        return path(resource, method());
    }

    static String path(Class<?> resource, Method method) {
        String path = API_ROOT + resource.getAnnotation(Path.class).value();
        Path sub = method.getAnnotation(Path.class);
        return sub == null ? path : path + "/" + sub.value();
    }

    List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher m = TEMPLATE.matcher(path());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    List<Parameter> queryParameters() {
        return Arrays.stream(method().getParameters()).filter(p -> p.isAnnotationPresent(QueryParam.class)).toList();
    }

    /** The request body's declared type, or empty when the operation takes none. */
    Optional<Type> requestBody() {
        for (Parameter p : method().getParameters()) {
            if (NOT_A_BODY.stream().noneMatch(p::isAnnotationPresent)) {
                return Optional.of(p.getType() == JsonObject.class && body != null ? body : p.getParameterizedType());
            }
        }
        return Optional.empty();
    }
}
