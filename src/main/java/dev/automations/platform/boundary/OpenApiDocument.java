package dev.automations.platform.boundary;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The OpenAPI document at {@code /openapi} (§2), built from every feature's {@link Operations} (mp.openapi.filter;
 * annotation scanning is off). Features register their lists in {@code META-INF/services}, so this class names
 * none of them. Payara 6.2025.10's scanner gave every operation one {@code default} response, named schema properties in
 * camelCase, typed UUIDs and times as objects, and failed on Bean Validation annotations of record parameters
 * (payara/Payara#7649). It also adds a top-level {@code endpoints} key whenever scanning found paths; paths added
 * here, after that step, keep the document to the OpenAPI keys.
 */
public class OpenApiDocument implements OASFilter {

    private static final String JSON = "application/json";
    private static final String ERROR = ErrorBody.class.getSimpleName();
    private static final String TOKEN = "sessionToken";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Schemas schemas = new Schemas();
        Paths paths = OASFactory.createPaths();
        for (Endpoint endpoint : Operations.all()) {
            PathItem item = paths.getPathItem(endpoint.path());
            if (item == null) {
                item = OASFactory.createPathItem();
                paths.addPathItem(endpoint.path(), item);
            }
            item.setOperation(PathItem.HttpMethod.valueOf(endpoint.httpMethod()), operation(endpoint, schemas));
        }
        schemas.of(ErrorBody.class);
        api.info(OASFactory.createInfo().title("Automations").version("v2")
                        .description("Webhooks and cron schedules that start or continue AI agent chats."))
                .paths(paths)
                .components(OASFactory.createComponents().schemas(schemas.components()).securitySchemes(Map.of(TOKEN,
                        OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name("Coder-Session-Token").description("A session or API token; also accepted as "
                                        + "Authorization: Bearer or the coder_session_token cookie"))));
    }

    private static Operation operation(Endpoint endpoint, Schemas schemas) {
        Operation operation = OASFactory.createOperation().operationId(endpoint.operationId()).summary(endpoint.summary())
                .tags(List.of(endpoint.path().split("/")[3]));
        endpoint.pathParameters().forEach(name -> operation.addParameter(OASFactory.createParameter().name(name)
                .in(Parameter.In.PATH).required(true).schema(pathSchema(name))));
        endpoint.queryParameters().forEach(p -> {
            String name = p.getAnnotation(QueryParam.class).value();
            operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.QUERY).schema(querySchema(name, p.getType())));
        });
        Type body = endpoint.requestBody().orElse(null);
        boolean jsonBody = body != null && body != InputStream.class;
        if (jsonBody) {
            operation.requestBody(OASFactory.createRequestBody().required(true).content(json(schemas.of(body))));
        } else if (body != null) {
            operation.requestBody(OASFactory.createRequestBody().description("Any body, up to automations.webhook.max-body-bytes")
                    .content(OASFactory.createContent().addMediaType("*/*", OASFactory.createMediaType().schema(OASFactory.createSchema()))));
        }
        if (endpoint.authenticated()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(TOKEN));
        }
        operation.responses(responses(endpoint, schemas, jsonBody));
        return operation;
    }

    private static APIResponses responses(Endpoint endpoint, Schemas schemas, boolean jsonBody) {
        APIResponse ok = OASFactory.createAPIResponse().description(endpoint.status() == 204 ? "No content" : "Success");
        if (endpoint.response() != null) {
            ok.content(json(schemas.of(endpoint.response())));
        }
        APIResponses responses = OASFactory.createAPIResponses().addAPIResponse(Integer.toString(endpoint.status()), ok);
        TreeSet<Integer> errors = new TreeSet<>();
        for (int status : endpoint.errors()) {
            errors.add(status);
        }
        if (jsonBody) {
            errors.addAll(List.of(400, 413, 415));
        }
        if (!endpoint.pathParameters().isEmpty() && endpoint.authenticated()) {
            errors.add(404);
        }
        if (endpoint.authenticated()) {
            errors.add(401);
        }
        errors.add(503);
        errors.forEach(status -> responses.addAPIResponse(Integer.toString(status), error(status)));
        return responses;
    }

    private static APIResponse error(int status) {
        APIResponse response = OASFactory.createAPIResponse().description(switch (status) {
            case 400 -> "Bad input: malformed JSON, wrong types, failed validation (one entry per field)";
            case 401 -> "Not signed in";
            case 403 -> "Signed in, but not allowed";
            case 404 -> "Not found, or not readable by the caller";
            case 409 -> "Conflict: a duplicate or a cap";
            case 413 -> "Body over 1 MiB";
            case 415 -> "Not application/json";
            case 503 -> "The database is unavailable; retry after Retry-After seconds";
            default -> "Error";
        }).content(json(OASFactory.createSchema().ref(ERROR)));
        if (status == 503) {
            Header retry = OASFactory.createHeader().schema(SchemaTypes.of(SchemaType.INTEGER)).description("Seconds");
            response.addHeader("Retry-After", retry);
        }
        return response;
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType().schema(schema));
    }

    /** {@code user} also takes {@code me}; every other path id is a UUID. */
    private static Schema pathSchema(String name) {
        Schema schema = SchemaTypes.of(SchemaType.STRING);
        return name.equals("user") ? schema.description("a user id, or me") : schema.format("uuid");
    }

    private static Schema querySchema(String name, Class<?> type) {
        if (type == List.class) {
            return SchemaTypes.of(SchemaType.ARRAY).items(SchemaTypes.of(SchemaType.STRING));
        }
        return switch (name) {
            case "limit" -> SchemaTypes.of(SchemaType.INTEGER).minimum(BigDecimal.ONE)
                    .maximum(BigDecimal.valueOf(500)).defaultValue(50);
            case "offset" -> SchemaTypes.of(SchemaType.INTEGER).minimum(BigDecimal.ZERO).defaultValue(0);
            case "archived" -> SchemaTypes.of(SchemaType.BOOLEAN);
            case "organization_id", "trigger_id", "automation_id", "user_id" -> SchemaTypes.of(SchemaType.STRING).format("uuid");
            default -> SchemaTypes.of(SchemaType.STRING);
        };
    }
}
