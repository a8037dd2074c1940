package dev.automations.platform.boundary;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A schema's type on either server's MicroProfile OpenAPI: Payara has 3.1, where a schema has one type
 * ({@code type(SchemaType)}); WildFly 38 has 4.1 (OpenAPI 3.1), where it has a list ({@code addType}). Neither method
 * exists in the other version, and a call compiled against one failed on the other with {@code NoSuchMethodError},
 * which left WildFly's document empty. So the type is set and read through whichever the server has.
 */
final class SchemaTypes {

    private static final Method ADD_TYPE = method("addType", SchemaType.class);
    private static final Method SET_TYPE = ADD_TYPE != null ? ADD_TYPE : method("type", SchemaType.class);
    private static final Method GET_TYPE = method("getType");

    private SchemaTypes() {
    }

    /** A new schema of one type. */
    static Schema of(SchemaType type) {
        Schema schema = OASFactory.createSchema();
        invoke(SET_TYPE, schema, type);
        return schema;
    }

    static boolean is(Schema schema, SchemaType type) {
        Object types = invoke(GET_TYPE, schema);
        return types == type || List.of(type).equals(types);
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return Schema.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method method, Schema schema, Object... arguments) {
        try {
            return method.invoke(schema, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
