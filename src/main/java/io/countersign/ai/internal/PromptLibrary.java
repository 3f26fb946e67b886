package io.countersign.ai.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.countersign.ledger.TemplateRef;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The versioned prompt and narrative templates under {@code classpath:prompts/}. A template's id is its
 * file name without {@code .txt}; its version is the first 16 hex digits of the SHA-256 of its bytes, so
 * any edit is a new version. Placeholders are {@code {{name}}}; a missing value is an error, not a blank.
 */
@Component
public class PromptLibrary {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9_]+)}}");
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, TemplateRef> refs = new HashMap<>();

    PromptLibrary() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:prompts/*.txt")) {
                try (InputStream in = resource.getInputStream()) {
                    byte[] bytes = in.readAllBytes();
                    String id = resource.getFilename().substring(0, resource.getFilename().length() - ".txt".length());
                    texts.put(id, new String(bytes, StandardCharsets.UTF_8).strip());
                    refs.put(id, new TemplateRef(id, sha256(bytes).substring(0, 16)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt templates", e);
        }
    }

    public TemplateRef ref(String id) {
        TemplateRef ref = refs.get(id);
        if (ref == null) {
            throw new IllegalArgumentException("no template prompts/" + id + ".txt");
        }
        return ref;
    }

    public String render(String id, Map<String, String> values) {
        ref(id);
        Matcher matcher = PLACEHOLDER.matcher(texts.get(id));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + id + " needs a value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("\\s*\\n\\s*", " ").strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
