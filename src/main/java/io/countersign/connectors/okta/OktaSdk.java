package io.countersign.connectors.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.ClientBuilder;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.common.PagedList;
import io.countersign.connectors.ConnectorException;

/** Okta's Java SDK, set up for the connector, and the paging and error handling every call shares. */
final class OktaSdk {

    private static final String HTTPS_CHECK = "okta.testing.disableHttpsCheck";
    private static final Object SYSTEM_PROPERTY_LOCK = new Object();

    private OktaSdk() {
    }

    /**
     * A client for the org with the given API token. The SDK caches nothing (a read-back must see the platform), retries
     * 429 and 503/504 itself within {@code maxAttempts}, counts its timeout in whole seconds (at least one), and for a
     * loopback org URL alone is allowed plain http: the SDK reads that switch from a system property when its builder
     * is made, so it is set for exactly that moment.
     */
    static ApiClient client(OktaSettings settings, String token) {
        ClientBuilder builder = settings.loopback() ? plainHttpBuilder() : Clients.builder();
        return builder.setOrgUrl(settings.orgUrl().toString())
                .setClientCredentials(new TokenClientCredentials(token))
                .setCacheManager(Caches.newDisabledCacheManager())
                .setConnectionTimeout((int) Math.max(1, settings.timeout().toSeconds()))
                .setRetryMaxAttempts(settings.maxAttempts() - 1)
                .build();
    }

    private static ClientBuilder plainHttpBuilder() {
        synchronized (SYSTEM_PROPERTY_LOCK) {
            String previous = System.setProperty(HTTPS_CHECK, "true");
            try {
                return Clients.builder();
            } finally {
                if (previous == null) {
                    System.clearProperty(HTTPS_CHECK);
                } else {
                    System.setProperty(HTTPS_CHECK, previous);
                }
            }
        }
    }

    /** Every item of a list, following the SDK's pages: each page names the {@code after} cursor of the next. */
    static <T> List<T> all(String what, Function<String, List<T>> page) {
        List<T> all = new ArrayList<>();
        String after = null;
        do {
            String cursor = after;
            List<T> items = call(what, () -> page.apply(cursor));
            all.addAll(items);
            after = items instanceof PagedList<T> paged ? paged.getAfter() : null;
        } while (after != null);
        return all;
    }

    /** Runs one SDK call; a failure becomes a {@link ConnectorException} whose message carries Okta's error code and summary. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw failure(what, e);
        }
    }

    /** Runs one SDK call that reads a single object; Okta's 404 is an answer, no such object, not a failure. */
    static <T> Optional<T> optional(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw failure(what, e);
        }
    }

    static ConnectorException failure(String what, ApiException e) {
        OktaErrors.Problem problem = OktaErrors.of(e.getCode(), e.getResponseBody(), e.getMessage());
        return new ConnectorException(problem.connectorCode(), what + " failed: " + problem);
    }
}
