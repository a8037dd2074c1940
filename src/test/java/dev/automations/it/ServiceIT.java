package dev.automations.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;

/**
 * Base of every integration test: deploys the very WAR the build produced (not a hand-picked subset of classes)
 * to its own Payara Micro and talks to it over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
abstract class ServiceIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    Api api() {
        return new Api(base);
    }
}
