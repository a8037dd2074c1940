package dev.automations.webhook.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * §6: a delivery is answered 200 whatever its headers. JAX-RS would refuse a Content-Type or Accept it cannot
 * parse (400), or an Accept without JSON (406), before the resource runs; so those two headers are hidden from
 * it. The headers as sent go to the resource in a request attribute, for signatures, filters and form detection.
 */
@WebFilter("/api/v2/automations/triggers/*")
public class SenderHeadersFilter extends HttpFilter {

    static final String AS_SENT = SenderHeadersFilter.class.getName() + ".headers";
    private static final Set<String> HIDDEN = caseInsensitive(Set.of("Content-Type", "Accept"));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name, request.getHeader(name));
        }
        request.setAttribute(AS_SENT, Collections.unmodifiableMap(headers));
        chain.doFilter(new Hidden(request), response);
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    private static final class Hidden extends HttpServletRequestWrapper {

        Hidden(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return HIDDEN.contains(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HIDDEN.contains(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !HIDDEN.contains(n)).toList());
        }
    }
}
