package io.countersign.ai.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names a factor after its columns ({@code RESOURCE×ROLE_TITLE}) and explains its statistic in a sentence. */
final class FactorNames {

    private FactorNames() {
    }

    static String name(List<String> columns, int[] template) {
        List<String> names = new ArrayList<>();
        for (int c : template) {
            names.add(columns.get(c));
        }
        return String.join("×", names);
    }

    /** E.g. "31 of 33 past requests for this resource from the same title were approved". */
    static String explain(List<String> columns, int[] template, int approved, int seen) {
        boolean resource = false;
        List<String> peers = new ArrayList<>();
        for (int c : template) {
            if (isResource(columns.get(c))) {
                resource = true;
            } else {
                peers.add(noun(columns.get(c)));
            }
        }
        StringBuilder sentence = new StringBuilder().append(approved).append(" of ").append(seen)
                .append(seen == 1 ? " past request" : " past requests");
        if (resource) {
            sentence.append(" for this resource");
        }
        if (!peers.isEmpty()) {
            sentence.append(" from the same ").append(joined(peers));
        }
        return sentence.append(seen == 1 ? " was approved" : " were approved").toString();
    }

    private static boolean isResource(String column) {
        return column.toUpperCase(Locale.ROOT).contains("RESOURCE");
    }

    /** MGR_ID → manager, ROLE_DEPTNAME → department, ROLE_FAMILY_DESC → family desc. */
    static String noun(String column) {
        String noun = column.toLowerCase(Locale.ROOT);
        if (noun.startsWith("role_")) {
            noun = noun.substring(5);
        }
        if (noun.endsWith("_id")) {
            noun = noun.substring(0, noun.length() - 3);
        }
        return switch (noun) {
            case "mgr" -> "manager";
            case "deptname", "dept" -> "department";
            default -> noun.replace('_', ' ');
        };
    }

    private static String joined(List<String> nouns) {
        if (nouns.size() == 1) {
            return nouns.getFirst();
        }
        return String.join(", ", nouns.subList(0, nouns.size() - 1)) + " and " + nouns.getLast();
    }
}
