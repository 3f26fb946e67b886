package io.countersign.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Typed, path-aware access to a parsed catalogue file, so a mistake in the data names where it is. */
final class YamlNode {

    private final String path;
    private final Object value;

    private YamlNode(String path, Object value) {
        this.path = path;
        this.value = value;
    }

    static YamlNode load(String resource) {
        try (InputStream in = YamlNode.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalogue file " + resource + " is missing from the class path");
            }
            return new YamlNode(resource, new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue file " + resource, e);
        }
    }

    boolean has(String key) {
        return map().containsKey(key);
    }

    YamlNode get(String key) {
        Object child = map().get(key);
        if (child == null) {
            throw invalid("missing '" + key + "'");
        }
        return new YamlNode(path + "." + key, child);
    }

    String text(String key) {
        return get(key).text();
    }

    String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    String text() {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw invalid("expected a value, found " + value);
        }
        return String.valueOf(value);
    }

    double number(String key) {
        return get(key).number();
    }

    int integer(String key, int fallback) {
        return has(key) ? (int) number(key) : fallback;
    }

    double number() {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw invalid("expected a number, found " + value);
    }

    List<YamlNode> list(String key) {
        return has(key) ? get(key).list() : List.of();
    }

    List<YamlNode> list() {
        if (!(value instanceof List<?> items)) {
            throw invalid("expected a list, found " + value);
        }
        List<YamlNode> nodes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new YamlNode(path + "[" + i + "]", items.get(i)));
        }
        return nodes;
    }

    List<String> texts(String key) {
        return list(key).stream().map(YamlNode::text).toList();
    }

    /** The entries of a mapping, in file order. */
    List<Map.Entry<String, YamlNode>> entries() {
        List<Map.Entry<String, YamlNode>> entries = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map().entrySet()) {
            String key = String.valueOf(entry.getKey());
            entries.add(Map.entry(key, new YamlNode(path + "." + key, entry.getValue())));
        }
        return entries;
    }

    IllegalStateException invalid(String problem) {
        return new IllegalStateException(path + ": " + problem);
    }

    private Map<?, ?> map() {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("expected a mapping, found " + value);
        }
        return map;
    }
}
