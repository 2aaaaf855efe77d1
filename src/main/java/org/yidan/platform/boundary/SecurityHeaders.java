package org.yidan.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * The response headers every answer carries (README, "Security"):
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: same-origin};</li>
 *   <li>{@code Cache-Control: no-store} on everything but the static resources: screens, receipts, PDFs and
 *       JSON all hold personal data that no shared or browser cache should keep;</li>
 *   <li>a Content-Security-Policy that allows nothing on API answers. The screens' policy is PrimeFaces's
 *       ({@code primefaces.CSP} in web.xml), because only PrimeFaces knows the nonce of its inline scripts;
 *       a second header here would intersect with it and block them.</li>
 * </ul>
 * Redirects stay relative ({@code Location: /login.xhtml}): the container would otherwise make them absolute
 * from the request's Host header, which the client chooses.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (!path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        // a browser's PDF viewer is itself a plugin that a "default-src 'none'" would refuse
        if (!path.endsWith(".xhtml") && !path.endsWith(".pdf") && !path.startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        }
        chain.doFilter(request, new RelativeRedirects(response));
    }

    /** {@code sendRedirect} without the container's absolute URL built from the Host header. */
    static final class RelativeRedirects extends HttpServletResponseWrapper {

        RelativeRedirects(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("The response is already committed");
            }
            resetBuffer();
            setStatus(SC_FOUND);
            setHeader("Location", location);
            flushBuffer();
        }
    }
}
