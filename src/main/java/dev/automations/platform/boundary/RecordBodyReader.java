package dev.automations.platform.boundary;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Declared for {@link Record} so Jersey prefers it to its JSON-B reader for request records. */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class RecordBodyReader implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return reads(type);
    }

    static boolean reads(Class<?> type) {
        return type.isRecord() && type.getPackageName().startsWith("dev.automations.");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) {
        return JsonBodyReader.record(type, headers, entity);
    }
}
