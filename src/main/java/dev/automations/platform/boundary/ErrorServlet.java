package dev.automations.platform.boundary;

import dev.automations.platform.entity.JsonText;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The container's error page (web.xml): answers outside JAX-RS — unknown paths, 401s sent by the
 * authentication mechanism — in the §1 JSON shape instead of HTML.
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
        response.getWriter().write(JsonText.JSON.createObjectBuilder().add("message", text).build().toString());
    }
}
