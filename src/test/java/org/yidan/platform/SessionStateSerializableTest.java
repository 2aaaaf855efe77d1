package org.yidan.platform;

import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.flow.FlowScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code <distributable/>} the HTTP session is replicated through Payara's data grid (README, "Two
 * instances"): a session- or view-scoped bean, and everything it holds, is serialized to the other instance. A
 * field that cannot be serialized breaks the replication of the whole session at runtime, so every such bean is
 * checked here, field by field and through the records and collections it holds. Injected fields are CDI's
 * business (Weld refuses a non-passivation-capable dependency at deployment); static and transient fields are
 * not serialized.
 */
class SessionStateSerializableTest {

    private static final List<Class<? extends Annotation>> PASSIVATING_SCOPES =
            List.of(SessionScoped.class, ViewScoped.class, ConversationScoped.class, FlowScoped.class);

    @Test
    void everySessionAndViewScopedBeanIsSerializableWithEverythingItHolds() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : passivatingBeans()) {
            problems.addAll(problems(bean));
        }
        assertEquals(List.of(), problems, "session state that cannot be replicated to the other instance");
    }

    /** The scan finds the beans that are there: otherwise the check above would pass on nothing. */
    @Test
    void findsTheViewBeansOfEveryComponent() throws Exception {
        List<String> names = passivatingBeans().stream().map(Class::getSimpleName).toList();
        assertTrue(names.containsAll(List.of("CounterView", "HistoryView", "RegistryView", "LedgerView",
                "UsersView", "SimulationView", "WatchView")), names::toString);
    }

    /** The check fails on what it is about: a bean not Serializable, a field or a record component that is not. */
    @Test
    void reportsWhatCannotBeSerialized() {
        assertEquals(List.of(NotSerializableBean.class.getName() + " does not implement Serializable"),
                problems(NotSerializableBean.class));
        assertEquals(List.of(
                        BeanHoldingAThread.class.getName() + ".worker: java.lang.Thread is not Serializable",
                        BeanHoldingAThread.class.getName() + ".rows → " + Row.class.getName()
                                + ".stream: java.util.stream.Stream is not Serializable"),
                problems(BeanHoldingAThread.class));
        assertEquals(List.of(), problems(FineBean.class));
    }

    static List<Class<?>> passivatingBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(org.yidan.platform.control.RefusedException.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
                if (PASSIVATING_SCOPES.stream().anyMatch(type::isAnnotationPresent)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }

    static List<String> problems(Class<?> bean) {
        List<String> problems = new ArrayList<>();
        if (!Serializable.class.isAssignableFrom(bean)) {
            problems.add(bean.getName() + " does not implement Serializable");
            return problems;
        }
        fields(bean, bean.getName(), new HashSet<>(), problems);
        return problems;
    }

    private static void fields(Class<?> owner, String path, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(owner)) {
            return;
        }
        // a superclass outside the project, or one that is not Serializable, is not the project's to check (the
        // fields of a non-Serializable superclass are not serialized at all)
        for (Class<?> c = owner; c != null && c.getName().startsWith("org.yidan.") && Serializable.class.isAssignableFrom(c);
             c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Inject.class)) {
                    continue;
                }
                type(field.getGenericType(), path + "." + field.getName(), seen, problems);
            }
        }
    }

    private static void type(Type type, String path, Set<Class<?>> seen, List<String> problems) {
        if (type instanceof ParameterizedType parameterized) {
            type(parameterized.getRawType(), path, seen, problems);
            for (Type argument : parameterized.getActualTypeArguments()) {
                type(argument, path, seen, problems);
            }
        } else if (type instanceof GenericArrayType array) {
            type(array.getGenericComponentType(), path, seen, problems);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                type(bound, path, seen, problems);
            }
        } else if (type instanceof TypeVariable<?>) {
            // a generic class's own T: checked where it is used with a type, e.g. PagedModel<Row>
            return;
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                type(c.getComponentType(), path, seen, problems);
            } else if (c.isPrimitive() || c.isEnum()
                    // the JDK's implementations of these (ArrayList, List.of, HashMap, Map.of, TreeSet...) are
                    // Serializable; what they hold is checked through the type arguments
                    || c == List.class || c == Set.class || c == Map.class || c == Collection.class) {
                return;
            } else if (isContainerBean(c)) {
                // a stateless/singleton session bean or a normal-scoped bean handed over by the container is its
                // proxy, which CDI serializes as a reference (passivation capable, CDI 4.0 section 6.6.1)
                return;
            } else if (!Serializable.class.isAssignableFrom(c)) {
                problems.add(path + ": " + c.getName() + " is not Serializable");
            } else if (c.getName().startsWith("org.yidan.")) {
                // the project's own records and classes: what they hold must be Serializable too
                fields(c, path + " → " + c.getName(), seen, problems);
            }
        }
    }

    private static boolean isContainerBean(Class<?> c) {
        return c.isAnnotationPresent(jakarta.ejb.Stateless.class) || c.isAnnotationPresent(jakarta.ejb.Singleton.class)
                || Stream.of(c.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(NormalScope.class));
    }

    static class NotSerializableBean {
    }

    record Row(String label, Stream<String> stream) implements Serializable {
    }

    static class BeanHoldingAThread implements Serializable {
        Thread worker;
        List<Row> rows;
        transient Thread ignored;
        @Inject
        Object injected;
    }

    static class FineBean implements Serializable {
        String text;
        java.math.BigDecimal amount;
        Map<String, List<java.time.LocalDate>> dates;
        int[] counts;
    }
}
