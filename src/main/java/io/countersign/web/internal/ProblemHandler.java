package io.countersign.web.internal;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.countersign.approval.ApprovalException;
import io.countersign.connectors.workday.HrException;
import io.countersign.ledger.LedgerException;
import io.countersign.lifecycle.requests.RequestException;
import io.countersign.operators.OperatorException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps each module's exception, once, to an RFC 7807 problem. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApprovalException.class)
    ProblemDetail approval(ApprovalException e) {
        return Problems.of(e.code().endsWith("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage());
    }

    @ExceptionHandler(OperatorException.class)
    ProblemDetail operator(OperatorException e) {
        HttpStatus status = switch (e.code()) {
            case "operator.exists" -> HttpStatus.CONFLICT;
            case "operator.unknown" -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        return Problems.of(status, e.code(), e.getMessage());
    }

    /** Bad input names its field under {@code field}. */
    @ExceptionHandler(RequestException.class)
    ProblemDetail request(RequestException e) {
        return switch (e.code()) {
            case "request.not-found" -> Problems.of(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
            case "request.no-model" -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.code(), e.getMessage());
            default -> Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), Map.of("field", e.field()));
        };
    }

    @ExceptionHandler(LedgerException.class)
    ProblemDetail ledger(LedgerException e) {
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, e.code(), e.getMessage());
    }

    /** A webhook without the right secret is 401; bad worker events 400, with every problem under {@code errors}. */
    @ExceptionHandler(HrException.class)
    ProblemDetail hr(HrException e) {
        HttpStatus status = e.code().equals("hr.unauthenticated") ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
        return e.problems().isEmpty() ? Problems.of(status, e.code(), e.getMessage())
                : Problems.of(status, e.code(), e.getMessage(), Map.of("errors", e.problems()));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ProblemDetail badInput(Exception e) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? m.getName() + ": '" + m.getValue() + "' is not a valid " + (m.getRequiredType() == null ? "value" : m.getRequiredType().getSimpleName())
                : e.getMessage();
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", detail);
    }

    /** The parser's message names our internal types, so the caller gets a plain one. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "the request body is missing or is not the JSON object this endpoint takes");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "the request body must be application/json, was " + e.getContentType());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noEndpoint(NoResourceFoundException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "no endpoint " + request.getMethod() + " " + request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> supported = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        String names = supported.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(supported.toArray(HttpMethod[]::new))
                .body(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMethod() + " is not supported here; supported: " + names));
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    /** Anything unforeseen: logged in full here, answered without internals. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "the request failed unexpectedly; the server log has the details");
    }

    /** Allowed by role, refused by a rule of the endpoint itself. */
    static final class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }

    /** Something asked for does not exist. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
