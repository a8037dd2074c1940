package dev.automations.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * One metrics registry per deployment, owned by the application rather than the server, so the §14 names are the
 * same on Payara and WildFly. It lives and dies with the deployment: a redeploy starts from a new registry and
 * never finds the previous deployment's gauges still registered.
 */
@ApplicationScoped
public class MetricsRegistry {

    @Produces
    @Singleton
    Registry registry() {
        return new Registry();
    }
}
