package dev.automations.platform.boundary;

import dev.automations.platform.entity.JsonText;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;

/**
 * The container's error page (web.xml) for every status: answers outside JAX-RS — unknown paths, 401s sent by
 * the authentication mechanism, requests JAX-RS refuses before matching a resource — in the §1 JSON shape
 * instead of HTML.
 */
@WebServlet("/_error")
public class ErrorServlet extends HttpServlet {

    public static final String MESSAGE_ATTRIBUTE = "dev.automations.error.message";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Object message = request.getAttribute(MESSAGE_ATTRIBUTE);
        String text = message != null ? message.toString() : WebApplicationExceptionMapper.message(status);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        var body = JsonText.JSON.createObjectBuilder().add("message", text);
        if (status == HttpServletResponse.SC_BAD_REQUEST) {
            ContentTypeHeader.problem(Collections.list(request.getHeaders("Content-Type"))).ifPresent(problem -> body.add("detail", problem));
        }
        response.getWriter().write(body.build().toString());
    }
}
