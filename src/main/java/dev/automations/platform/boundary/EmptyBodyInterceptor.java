package dev.automations.platform.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request with neither a body nor a Content-Type matches no reader (they read JSON), and JAX-RS then hands the
 * resource {@code null} instead of refusing the request. Such a body reads as the empty one, {@code {}}, which the
 * readers validate like any other: a 400 naming the missing fields, never a 500.
 */
@Provider
public class EmptyBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity != null) {
            return entity;
        }
        Class<?> type = context.getType();
        if (JsonObject.class.equals(type)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (RecordBodyReader.reads(type)) {
            return JsonBodyReader.record(type.asSubclass(Record.class), context.getHeaders(), InputStream.nullInputStream());
        }
        return null;
    }
}
