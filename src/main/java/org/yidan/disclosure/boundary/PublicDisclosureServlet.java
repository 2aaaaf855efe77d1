package org.yidan.disclosure.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.yidan.disclosure.control.DisclosureList;
import org.yidan.disclosure.control.DisclosurePdf;
import org.yidan.disclosure.control.PublicPages;
import org.yidan.platform.control.RefusedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public disclosure pages, for anyone without signing in (web.xml leaves {@code /public/*} open):
 * {@code /public/disclosures} (the published lists), {@code /public/disclosures/{id}} (HTML, printable) and
 * {@code /public/disclosures/{id}.pdf}. GET and HEAD only; no session is created; strict security headers.
 * A published list is frozen, so its pages are cached here and by browsers and proxies for a minute: a
 * withdrawal shows within that minute on every instance.
 */
@WebServlet(urlPatterns = {"/public/disclosures", "/public/disclosures/*"})
public class PublicDisclosureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern ONE = Pattern.compile("/(\\d{1,18})(\\.pdf)?");

    @Inject
    transient Disclosures disclosures;

    @Inject
    transient PublicPageCache cache;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String key = path == null || path.equals("/") ? "index" : path;
        PublicPageCache.Page page = cache.get(key, this::make);
        securityHeaders(response);
        response.setStatus(page.status());
        response.setContentType(page.type());
        response.setHeader("Cache-Control", page.status() == 404 ? "no-cache" : "public, max-age=" + PublicPageCache.MAX_AGE_SECONDS);
        response.setContentLength(page.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(page.body());
        }
    }

    private PublicPageCache.Page make(String key) {
        long now = System.currentTimeMillis();
        if ("index".equals(key)) {
            return html(PublicPages.index(disclosures.published()), 200, now);
        }
        Matcher matcher = ONE.matcher(key);
        if (!matcher.matches()) {
            return html(PublicPages.notFound(), 404, now);
        }
        DisclosureList list;
        try {
            list = disclosures.publicList(Long.parseLong(matcher.group(1)));
        } catch (RefusedException | NumberFormatException notPublic) {
            return html(PublicPages.notFound(), 404, now);
        }
        boolean withdrawn = "WITHDRAWN".equals(list.status());
        if (matcher.group(2) != null) {
            return withdrawn ? html(PublicPages.list(list), 410, now)
                    : new PublicPageCache.Page(DisclosurePdf.render(list), "application/pdf", 200, now);
        }
        return html(PublicPages.list(list), withdrawn ? 410 : 200, now);
    }

    private static PublicPageCache.Page html(String text, int status, long now) {
        return new PublicPageCache.Page(text.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", status, now);
    }

    /** Read-only pages that run nothing and may not be framed; only their own inline style is allowed. */
    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
                + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response);
    }

    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response);
    }

    /** Nothing here changes anything: every other method is 405 (not the error page, which is a screen). */
    private static void refuse(HttpServletResponse response) throws IOException {
        securityHeaders(response);
        response.setHeader("Allow", "GET, HEAD");
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("405 Method Not Allowed");
    }
}
