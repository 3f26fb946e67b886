package io.countersign.simulator.internal.jira;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The issues of the Jira stand-in and their workflow: To Do, In Progress, Done and Won't Do, with transitions
 * Start Progress (21), Done (31), Won't Do (41) from open issues and Reopen (51) from closed ones. Thread-safe.
 */
final class JiraIssues {

    /** A status and its category key ({@code new}, {@code indeterminate} or {@code done}), as Jira reports them. */
    record Status(String id, String name, String category) {
    }

    record Transition(String id, String name, Status to) {
    }

    static final Status TO_DO = new Status("10000", "To Do", "new");
    static final Status IN_PROGRESS = new Status("3", "In Progress", "indeterminate");
    static final Status DONE = new Status("10001", "Done", "done");
    static final Status WONT_DO = new Status("10002", "Won't Do", "done");
    private static final Transition START = new Transition("21", "Start Progress", IN_PROGRESS);
    private static final Transition FINISH = new Transition("31", "Done", DONE);
    private static final Transition DECLINE = new Transition("41", "Won't Do", WONT_DO);
    private static final Transition REOPEN = new Transition("51", "Reopen", TO_DO);

    /** An issue as stored; {@code description} and comment bodies are Atlassian documents, kept as sent. */
    static final class Issue {
        final String id;
        final String key;
        final String project;
        final String issueType;
        final String summary;
        final Object description;
        final List<String> labels;
        final Instant created = Instant.now();
        final List<Object> comments = new ArrayList<>();
        Status status = TO_DO;

        Issue(String id, String key, String project, String issueType, String summary, Object description, List<String> labels) {
            this.id = id;
            this.key = key;
            this.project = project;
            this.issueType = issueType;
            this.summary = summary;
            this.description = description;
            this.labels = List.copyOf(labels);
        }
    }

    private final Map<String, Issue> byKey = new LinkedHashMap<>();
    private final Map<String, Issue> byId = new HashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Set<String> projects;
    private final Set<String> issueTypes;
    private int lastId = 10000;

    JiraIssues(Set<String> projects, Set<String> issueTypes) {
        this.projects = Set.copyOf(projects);
        this.issueTypes = Set.copyOf(issueTypes);
    }

    boolean knowsProject(String key) {
        return projects.contains(key);
    }

    boolean knowsIssueType(String name) {
        return issueTypes.contains(name);
    }

    synchronized Issue create(String project, String issueType, String summary, Object description, List<String> labels) {
        int number = lastNumber.merge(project, 1, Integer::sum);
        Issue issue = new Issue(Integer.toString(++lastId), project + "-" + number, project, issueType, summary, description, labels);
        byKey.put(issue.key, issue);
        byId.put(issue.id, issue);
        return issue;
    }

    synchronized Optional<Issue> find(String idOrKey) {
        return Optional.ofNullable(byKey.containsKey(idOrKey) ? byKey.get(idOrKey) : byId.get(idOrKey));
    }

    synchronized List<Issue> withLabel(String project, String label) {
        return byKey.values().stream().filter(i -> (project == null || i.project.equals(project)) && i.labels.contains(label)).toList();
    }

    synchronized List<Transition> transitions(Issue issue) {
        return issue.status.category().equals("done") ? List.of(REOPEN)
                : issue.status == IN_PROGRESS ? List.of(FINISH, DECLINE) : List.of(START, FINISH, DECLINE);
    }

    /** Applies the transition with {@code id} if the issue's status offers it; false when it does not. */
    synchronized boolean transition(Issue issue, String id, Object comment) {
        Optional<Transition> transition = transitions(issue).stream().filter(t -> t.id().equals(id)).findFirst();
        transition.ifPresent(t -> {
            issue.status = t.to();
            if (comment != null) {
                issue.comments.add(comment);
            }
        });
        return transition.isPresent();
    }

    static Map<String, Object> status(Status status) {
        return Map.of("id", status.id(), "name", status.name(),
                "statusCategory", Map.of("key", status.category(), "name", switch (status.category()) {
                    case "new" -> "To Do";
                    case "indeterminate" -> "In Progress";
                    default -> "Done";
                }));
    }
}
