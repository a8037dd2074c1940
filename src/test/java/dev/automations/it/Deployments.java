package dev.automations.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** Tests deploy the very WAR the build produced, not a hand-picked subset of classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }
}
