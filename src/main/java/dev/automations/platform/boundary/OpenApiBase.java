package dev.automations.platform.boundary;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * An empty model for {@link OpenApiDocument} to fill (mp.openapi.model.reader). With scanning off and no static file,
 * SmallRye OpenAPI 4 (WildFly 38) has no model and skips the filters, serving an empty document; Payara starts from
 * a model of its own either way.
 */
public class OpenApiBase implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI();
    }
}
