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

    /** Who the peers are, e.g. " for this resource from the same title"; computed once per template. */
    static String peers(List<String> columns, int[] template) {
        boolean resource = false;
        List<String> peers = new ArrayList<>();
        for (int c : template) {
            if (isResource(columns.get(c))) {
                resource = true;
            } else {
                peers.add(noun(columns.get(c)));
            }
        }
        return (resource ? " for this resource" : "") + (peers.isEmpty() ? "" : " from the same " + joined(peers));
    }

    /** E.g. "31 of 33 past requests for this resource from the same title were approved", or "no past request ..." when none. */
    static String explain(String peers, int approved, int seen) {
        if (seen == 0) {
            return "no past request" + peers;
        }
        return approved + " of " + seen + (seen == 1 ? " past request" : " past requests") + peers
                + (seen == 1 ? " was approved" : " were approved");
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
