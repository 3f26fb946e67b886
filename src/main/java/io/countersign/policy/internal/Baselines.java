package io.countersign.policy.internal;

import java.util.List;
import java.util.Map;

import io.countersign.policy.BaselineMatch;
import io.countersign.policy.IdentityFacts;

/** Role baselines of one file, or of all files merged; every matching baseline applies. */
final class Baselines implements PolicyContent {

    private final List<BaselineRule> rules;

    Baselines(List<BaselineRule> rules) {
        this.rules = List.copyOf(rules);
    }

    static Baselines merge(List<Baselines> files) {
        return new Baselines(files.stream().flatMap(baselines -> baselines.rules.stream()).toList());
    }

    List<BaselineRule> rules() {
        return rules;
    }

    List<BaselineMatch> matching(IdentityFacts identity) {
        Map<String, Object> variables = Map.of("identity", Facts.identity(identity));
        return rules.stream()
                .filter(rule -> rule.when().holds(variables))
                .map(rule -> new BaselineMatch(rule.id(), rule.grants(), rule.policy()))
                .toList();
    }
}
