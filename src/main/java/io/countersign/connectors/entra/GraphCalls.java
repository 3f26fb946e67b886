package io.countersign.connectors.entra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.gson.JsonParseException;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.countersign.connectors.ConnectorException;
import okhttp3.OkHttpClient;

/**
 * The Microsoft Graph SDK as this connector uses it: a {@link GraphServiceClient} on the configured base URL
 * with our token provider, the SDK's retry middleware (429, 503 and 504 retried at most {@code max-retries}
 * times, {@code Retry-After} honoured), a per-call timeout, paging through {@code @odata.nextLink} with the
 * SDK's {@link PageIterator}, and every failure turned into a {@link ConnectorException} with a stable code.
 */
final class GraphCalls {

    /** Seconds before the first retry when Graph sends no {@code Retry-After}; the SDK doubles it each time. */
    private static final long RETRY_DELAY_SECONDS = 1;
    static final String NOT_FOUND = "connector.not-found";

    private final GraphServiceClient graph;
    private final ClientCredentialsTokens tokens;

    GraphCalls(EntraSettings settings, ClientCredentialsTokens tokens) {
        this.tokens = tokens;
        RetryHandlerOption retries = new RetryHandlerOption(null, settings.maxRetries(), RETRY_DELAY_SECONDS);
        OkHttpClient http = GraphClientFactory.create(new RequestOption[] {retries}).callTimeout(settings.timeout())
                .readTimeout(settings.timeout()).connectTimeout(settings.timeout()).build();
        this.graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), http);
        this.graph.getRequestAdapter().setBaseUrl(settings.graphUrl().toString());
    }

    GraphServiceClient graph() {
        return graph;
    }

    /** Makes a call; {@code what} names it in errors, e.g. {@code "list users"}. A 401 fetches a fresh token and tries once more. */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            if (e.getResponseStatusCode() != 401) {
                throw translate(what, e);
            }
            tokens.invalidate();
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
    }

    private static ConnectorException failure(String what, RuntimeException e) {
        return switch (e) {
            case ConnectorException ce -> ce;
            case ApiException api -> translate(what, api);
            case UncheckedIOException io -> unreachable(what, io.getCause());
            default -> unexpected(what, e);
        };
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    /** Like {@link #call}, but Graph's 404 is an empty answer. */
    <T> Optional<T> find(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(what, call));
        } catch (ConnectorException e) {
            if (e.code().equals(NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every item of a collection, following {@code @odata.nextLink} from {@code first} to the last page. */
    <T extends Parsable, P extends Parsable & AdditionalDataHolder> List<T> all(String what, Supplier<P> first, ParsableFactory<P> pages) {
        return call(what, () -> {
            List<T> items = new ArrayList<>();
            try {
                new PageIterator.Builder<T, P>().client(graph).collectionPage(first.get()).collectionPageFactory(pages)
                        .processPageItemCallback(items::add).build().iterate();
            } catch (ReflectiveOperationException e) {
                throw new ConnectorException("connector.malformed", what + ": the SDK could not read a page (" + e.getClass().getSimpleName() + ")");
            }
            return items;
        });
    }

    static ConnectorException translate(String what, ApiException e) {
        int status = e.getResponseStatusCode();
        String graphError = e instanceof ODataError o && o.getError() != null ? o.getError().getCode() + ": " + o.getError().getMessage() : e.getMessage();
        String code = switch (status) {
            case 401 -> "connector.auth";
            case 404 -> NOT_FOUND;
            case 429, 500, 502, 503, 504 -> "connector.unavailable";
            default -> "connector.refused";
        };
        return new ConnectorException(code, what + ": Graph answered " + status + " (" + graphError + ")");
    }

    private static ConnectorException unreachable(String what, IOException e) {
        return new ConnectorException("connector.unreachable", what + ": Graph could not be reached (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }

    /**
     * The SDK signals transport failures and unreadable answers with unchecked exceptions of its own; its JSON
     * parser (Gson) reports a truncated answer with an {@link IOException} cause, so parse errors are told apart first.
     */
    private static ConnectorException unexpected(String what, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException) {
                return malformed(what, e);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return unreachable(what, io);
            }
        }
        return malformed(what, e);
    }

    private static ConnectorException malformed(String what, RuntimeException e) {
        return new ConnectorException("connector.malformed", what + ": Graph's answer could not be read (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
}
