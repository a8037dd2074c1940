package dev.automations.metrics.boundary;

import dev.automations.metrics.control.Registry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** §2 {@code GET /metrics}: the application's metrics (§14) as Prometheus text, unauthenticated, on the application port. */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    Registry registry;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = registry.scrape();
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getWriter().write(text);
    }
}
