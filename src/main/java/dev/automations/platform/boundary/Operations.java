package dev.automations.platform.boundary;

import java.util.List;
import java.util.ServiceLoader;

/**
 * A feature's operations for the OpenAPI document, listed next to its resources. Each feature registers its list in
 * {@code META-INF/services/dev.automations.platform.boundary.Operations}.
 */
public interface Operations {

    List<Endpoint> operations();

    /** Every registered feature's operations. */
    static List<Endpoint> all() {
        return ServiceLoader.load(Operations.class, Operations.class.getClassLoader()).stream()
                .flatMap(provider -> provider.get().operations().stream()).toList();
    }
}
