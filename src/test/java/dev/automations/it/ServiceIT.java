package dev.automations.it;

import java.net.URL;

/**
 * Base of the integration tests that share the run's server: the very WAR the build produced (not a hand-picked
 * subset of classes), on the run's database, over HTTP. Tests share that database too, so each one creates the
 * users, organizations and automations it asserts on, and finds its own rows by their ids.
 */
abstract class ServiceIT {

    final URL base = ItSession.server().url();

    Api api() {
        return new Api(base);
    }
}
