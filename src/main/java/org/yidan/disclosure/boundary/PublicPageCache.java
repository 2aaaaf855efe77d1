package org.yidan.disclosure.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rendered public pages, kept for {@link #MAX_AGE_SECONDS}: a published list is frozen, so its page is made once.
 * A publication or withdrawal on this instance clears the cache when its transaction commits; other instances
 * catch up within the minute, as browsers and proxies do under the same Cache-Control.
 */
@ApplicationScoped
public class PublicPageCache {

    static final long MAX_AGE_SECONDS = 60;
    private static final int MOST = 1000;

    /** Fired when a list becomes public or stops being public. */
    public record Changed(long disclosureId) {
    }

    record Page(byte[] body, String type, int status, long madeAt) {
    }

    private final ConcurrentHashMap<String, Page> pages = new ConcurrentHashMap<>();

    Page get(String key, Function<String, Page> make) {
        Page page = pages.get(key);
        if (page == null || System.currentTimeMillis() - page.madeAt() > MAX_AGE_SECONDS * 1000) {
            page = make.apply(key);
            // only what is published (200) or withdrawn (410) is final enough to keep; a 404 may be published next
            if (page.status() != 404) {
                if (pages.size() > MOST) {
                    pages.clear();
                }
                pages.put(key, page);
            }
        }
        return page;
    }

    void clear(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        pages.clear();
    }
}
