package io.countersign.simulator.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.countersign.directory.IdentityId;

/**
 * Identifiers: identity ids and employee ids in order of joining, and unique logins and e-mail
 * addresses, the earlier joiner keeping the plain form ({@code jdoe}, then {@code jdoe2}).
 */
final class Naming {

    static final String DOMAIN = "bank.example";
    private static final int FIRST_EMPLOYEE_NUMBER = 10_000;
    private static final int LARGEST_NUMBER_GAP = 30;

    private final Map<String, Integer> logins = new HashMap<>();
    private final Map<String, Integer> mailboxes = new HashMap<>();

    /** Names everyone and returns them in identity-id order: by hire (or creation) date, then creation order. */
    List<Person> assign(List<Person> people, SplittableRandom random) {
        List<Person> ordered = people.stream()
                .sorted(Comparator.comparing((Person p) -> p.hireDate).thenComparingInt(p -> p.index))
                .toList();
        int employeeNumber = FIRST_EMPLOYEE_NUMBER;
        for (int i = 0; i < ordered.size(); i++) {
            Person person = ordered.get(i);
            person.id = new IdentityId(SnapshotIds.padded("idn-", i + 1, 5));
            if (person.service()) {
                person.login = person.firstName;
                continue;
            }
            employeeNumber += 1 + random.nextInt(LARGEST_NUMBER_GAP);
            person.employeeId = SnapshotIds.padded("E", employeeNumber, 7);
            person.login = login(person.firstName, person.lastName);
            person.email = unique(mailboxes, letters(person.firstName) + "." + letters(person.lastName)) + "@" + DOMAIN;
        }
        return ordered;
    }

    /** A login not yet taken: first initial and surname, with a number when that is taken. */
    String login(String firstName, String lastName) {
        String surname = letters(lastName);
        return unique(logins, letters(firstName).charAt(0) + surname.substring(0, Math.min(surname.length(), 12)));
    }

    /** The login of {@code person}'s account on {@code platform}. */
    static String login(Person person, Platform platform) {
        return switch (platform) {
            case OKTA, ENTRA -> person.login + "@" + DOMAIN;
            case AD -> person.login;
            case LOCAL -> person.service() ? "SVC" + person.id.value().substring(4)
                    : "U" + person.employeeId.substring(1);
        };
    }

    private static String unique(Map<String, Integer> taken, String base) {
        int count = taken.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + count;
    }

    private static String letters(String name) {
        StringBuilder letters = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
