package io.countersign.connectors;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for connectors that speak a platform's REST API by hand: bounded retries of timeouts, connection
 * failures, 429 and 5xx; {@code Retry-After} (seconds or an HTTP date) and Okta's {@code X-Rate-Limit-Reset}
 * honoured before any backoff of our own; and, when a platform says {@code X-Rate-Limit-Remaining: 0}, the
 * next call waits for the reset instead of spending a request on a 429. Waits are capped by the policy.
 */
public final class ResilientHttp {

    private static final Logger log = LoggerFactory.getLogger(ResilientHttp.class);

    /**
     * @param maxAttempts    tries per request, the first included
     * @param baseDelay      first backoff; doubles with each retry, with jitter
     * @param maxDelay       no single wait is longer than this, whatever the platform asks
     * @param requestTimeout how long one try may take
     */
    public record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration requestTimeout) {

        public Policy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
        }

        public static Policy defaults() {
            return new Policy(5, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(30));
        }
    }

    private final HttpClient client;
    private final Policy policy;
    private final Consumer<Duration> onWait;
    private volatile Instant notBefore = Instant.EPOCH;

    public ResilientHttp(HttpClient client, Policy policy, Consumer<Duration> onWait) {
        this.client = client;
        this.policy = policy;
        this.onWait = onWait;
    }

    public ResilientHttp(Policy policy) {
        this(HttpClient.newBuilder().connectTimeout(policy.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build(),
                policy, wait -> { });
    }

    /**
     * Sends with retries. Returns the last response, whatever its status (a 4xx is the caller's to judge);
     * throws {@link ConnectorException} {@code connector.unreachable} when no try got an answer.
     */
    public HttpResponse<String> send(HttpRequest request) {
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(policy.requestTimeout()).build();
        for (int attempt = 1; ; attempt++) {
            waitUntil(notBefore);
            Optional<HttpResponse<String>> response = attempt(timed, attempt);
            if (response.isPresent()) {
                rememberRateLimit(response.get());
                if (!retryable(response.get().statusCode()) || attempt == policy.maxAttempts()) {
                    return response.get();
                }
                int tries = attempt;
                Duration wait = platformWait(response.get()).orElseGet(() -> backoff(policy, tries));
                log.warn("{} {} answered {}; retry {} of {} in {} ms", request.method(), request.uri().getPath(),
                        response.get().statusCode(), attempt, policy.maxAttempts() - 1, capped(wait).toMillis());
                pause(capped(wait));
            } else {
                pause(capped(backoff(policy, attempt)));
            }
        }
    }

    private Optional<HttpResponse<String>> attempt(HttpRequest request, int attempt) {
        try {
            return Optional.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            if (attempt == policy.maxAttempts()) {
                throw new ConnectorException("connector.unreachable", request.method() + " " + request.uri().getScheme() + "://"
                        + request.uri().getAuthority() + request.uri().getPath() + " failed " + attempt + " times: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
            log.warn("{} {} failed ({}); retry {} of {}", request.method(), request.uri().getPath(), e.getClass().getSimpleName(),
                    attempt, policy.maxAttempts() - 1);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("connector.interrupted", "interrupted while calling " + request.uri().getAuthority());
        }
    }

    static boolean retryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * What the platform asked us to wait: Retry-After first, then, for a 429 only, Okta's rate-limit reset (Okta stamps
     * it on every answer, and the end of a rate-limit window says nothing about when a failing server recovers).
     */
    static Optional<Duration> platformWait(HttpResponse<?> response) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            return retryAfter(retryAfter.get().trim());
        }
        if (response.statusCode() != 429) {
            return Optional.empty();
        }
        return response.headers().firstValue("X-Rate-Limit-Reset").flatMap(ResilientHttp::untilEpochSecond);
    }

    static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO : Duration.between(Instant.now(), at));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> untilEpochSecond(String value) {
        try {
            Duration wait = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(value.trim())));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void rememberRateLimit(HttpResponse<String> response) {
        boolean exhausted = response.headers().firstValue("X-Rate-Limit-Remaining").map(String::trim).filter("0"::equals).isPresent();
        if (exhausted && response.statusCode() != 429) {
            untilEpochSecond(response.headers().firstValue("X-Rate-Limit-Reset").orElse(""))
                    .ifPresent(wait -> notBefore = Instant.now().plus(capped(wait)));
        }
    }

    static Duration backoff(Policy policy, int attempt) {
        long ceiling = policy.baseDelay().toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private Duration capped(Duration wait) {
        return wait.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : wait;
    }

    private void waitUntil(Instant instant) {
        Duration wait = Duration.between(Instant.now(), instant);
        if (!wait.isNegative() && !wait.isZero()) {
            pause(wait);
        }
    }

    private void pause(Duration wait) {
        onWait.accept(wait);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("connector.interrupted", "interrupted while waiting to retry");
        }
    }
}
