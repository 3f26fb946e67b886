package io.countersign.connectors.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain text as an Atlassian Document Format document (version 1), the only rich-text form Jira REST v3 accepts:
 * a paragraph per block of text separated by blank lines, then the details as a bullet list.
 */
final class AtlassianDocument {

    private AtlassianDocument() {
    }

    static Map<String, Object> of(String text, Map<String, String> details) {
        List<Object> content = new ArrayList<>();
        for (String block : text.strip().split("\\R\\s*\\R")) {
            if (!block.isBlank()) {
                content.add(paragraph(block.strip()));
            }
        }
        if (!details.isEmpty()) {
            List<Object> items = new ArrayList<>();
            details.forEach((name, value) -> items.add(Map.of("type", "listItem", "content", List.of(paragraph(name + ": " + value)))));
            content.add(Map.of("type", "bulletList", "content", items));
        }
        return Map.of("type", "doc", "version", 1, "content", content);
    }

    private static Map<String, Object> paragraph(String text) {
        return Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", text)));
    }
}
