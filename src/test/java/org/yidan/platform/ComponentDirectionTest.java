package org.yidan.platform;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.RefusedException;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Components depend in one direction (architecture.md): each may use only the components to its left in
 * {@link #ORDER}. Read from the compiled classes (every class, field, method and annotation type a class file
 * names), so that a cycle comes back neither through an import nor through a fully qualified name.
 */
class ComponentDirectionTest {

    /** platform ← policy ← security ← beneficiaries ← settlement ← receipts ← ledger ← clearing, reports ← disclosure; simulation and watch above settlement and reports. */
    static final List<String> ORDER = List.of("platform", "policy", "security", "beneficiaries", "settlement",
            "receipts", "ledger", "clearing", "reports", "disclosure", "simulation", "watch");

    private static final Pattern COMPONENT = Pattern.compile("org/yidan/([a-z]+)/");

    @Test
    void everyComponentUsesOnlyComponentsToItsLeft() throws IOException {
        Map<String, Set<String>> uses = dependencies(mainClasses());
        assertEquals(List.of(), violations(uses), "components used against the direction");
    }

    @Test
    void everyComponentIsInTheOrder() throws IOException {
        Set<String> unknown = new TreeSet<>(dependencies(mainClasses()).keySet());
        unknown.removeAll(ORDER);
        assertEquals(Set.of(), unknown, "a new component must be placed in ORDER");
    }

    /** The reader sees the dependencies that are there: otherwise the direction test would pass on nothing. */
    @Test
    void readsTheDependenciesOfTheCompiledClasses() throws IOException {
        Map<String, Set<String>> uses = dependencies(mainClasses());
        assertTrue(uses.get("settlement").containsAll(Set.of("platform", "policy", "security", "beneficiaries")),
                uses::toString);
        assertTrue(uses.get("receipts").contains("settlement"), uses::toString);
    }

    /** The rule itself refuses the cycles this test was written against, and accepts the direction. */
    @Test
    void refusesACycle() {
        assertEquals(List.of("platform -> security", "security -> settlement"), violations(Map.of(
                "platform", Set.of("security"),
                "security", Set.of("platform", "settlement"),
                "settlement", Set.of("security", "policy"))));
        assertEquals(List.of(), violations(Map.of("receipts", Set.of("settlement", "platform"))));
    }

    static List<String> violations(Map<String, Set<String>> uses) {
        List<String> wrong = new ArrayList<>();
        new TreeMap<>(uses).forEach((from, targets) -> new TreeSet<>(targets).forEach(to -> {
            if (!from.equals(to) && ORDER.indexOf(to) >= ORDER.indexOf(from)) {
                wrong.add(from + " -> " + to);
            }
        }));
        return wrong;
    }

    static Path mainClasses() {
        try {
            return Path.of(RefusedException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Component → the other components its classes name. */
    static Map<String, Set<String>> dependencies(Path classes) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        Path root = classes.resolve("org/yidan");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String component = relative.getName(0).toString();
                Set<String> targets = uses.computeIfAbsent(component, key -> new TreeSet<>());
                try (InputStream in = Files.newInputStream(file)) {
                    for (String name : namesIn(in)) {
                        Matcher matcher = COMPONENT.matcher(name);
                        while (matcher.find()) {
                            if (!matcher.group(1).equals(component)) {
                                targets.add(matcher.group(1));
                            }
                        }
                    }
                }
            }
        }
        return uses;
    }

    /**
     * The UTF-8 entries of a class file's constant pool that name types (class names, descriptors, signatures),
     * leaving out string literals, which are text and not dependencies.
     */
    static List<String> namesIn(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        BitSet literals = new BitSet(count);
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 16, 19, 20 -> in.readUnsignedShort();
                case 8 -> literals.set(in.readUnsignedShort());
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null && !literals.get(i)) {
                names.add(utf8[i]);
            }
        }
        return names;
    }
}
