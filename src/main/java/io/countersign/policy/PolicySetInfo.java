package io.countersign.policy;

import java.util.List;
import java.util.Objects;

/**
 * The loaded policy set.
 *
 * @param source where the files came from: a directory path or {@code classpath:policies/}
 * @param files  one reference per loaded file, in file-name order
 */
public record PolicySetInfo(String source, List<PolicyRef> files) {

    public PolicySetInfo {
        Objects.requireNonNull(source, "source == null");
        files = List.copyOf(files);
    }
}
