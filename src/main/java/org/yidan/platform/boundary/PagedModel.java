package org.yidan.platform.boundary;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A lazy table model over a facade's page query: the screens filter with their own form, so the
 * table's own filter and sort metadata are not used; rows come newest first from the facade.
 */
public final class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The number of rows the current filter matches. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long count();
    }

    /** One page of rows for the current filter. */
    @FunctionalInterface
    public interface Page<T> extends Serializable {
        List<T> load(int first, int pageSize);
    }

    /** A row's stable key, for selection and row actions. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        String of(T row);
    }

    private final Count count;
    private final Page<T> page;
    private final Key<T> key;

    public PagedModel(Count count, Page<T> page, Key<T> key) {
        this.count = count;
        this.page = page;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return page.load(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }
}
