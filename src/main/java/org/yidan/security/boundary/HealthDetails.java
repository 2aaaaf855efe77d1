package org.yidan.security.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.yidan.security.entity.Role;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code /health/*} stays open for the data center's probes, but says only UP or DOWN (and the status code)
 * to anyone but an administrator or auditor: the checks' details name the schema version, the policies'
 * fingerprints and, when something is wrong, the database's error. Signed in (HTTP Basic) with one of those
 * roles, the full MicroProfile Health answer comes through.
 */
@WebFilter(urlPatterns = "/health/*")
public class HealthDetails extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isUserInRole(Role.ADMIN_NAME) || request.isUserInRole(Role.AUDITOR_NAME)) {
            chain.doFilter(request, response);
            return;
        }
        Captured captured = new Captured(response);
        chain.doFilter(request, captured);
        String full = captured.text();
        // the overall status is the first "status" member of MicroProfile Health's answer
        String status = full.contains("\"status\":\"UP\"") && captured.getStatus() < 400 ? "UP" : "DOWN";
        byte[] body = ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Keeps what the health endpoint writes instead of sending it; the status code passes through. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("health answers are written synchronously");
            }
        };

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            // the real length is that of the short answer
        }

        @Override
        public void setContentLengthLong(long length) {
            // the real length is that of the short answer
        }

        @Override
        public void flushBuffer() {
            // nothing is sent before the short answer
        }

        String text() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
