package dev.automations.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** The service's external base URL: configured ({@code automations.access-url}) or, failing that, the request's own. */
@ApplicationScoped
public class AccessUrl {

    public static final String VERSION = readVersion();

    @Inject
    @ConfigProperty(name = "automations.access-url")
    Optional<String> configured;

    public String base(UriInfo uri) {
        String base = configured.filter(s -> !s.isBlank()).orElseGet(() -> uri.getBaseUri().resolve("/").toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String readVersion() {
        try (InputStream in = AccessUrl.class.getResourceAsStream("/buildinfo.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
