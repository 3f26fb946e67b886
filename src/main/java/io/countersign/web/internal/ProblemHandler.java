package io.countersign.web.internal;

import io.countersign.approval.ApprovalException;
import io.countersign.ledger.LedgerException;
import io.countersign.operators.OperatorException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps each module's exception, once, to an RFC 7807 problem. */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler(ApprovalException.class)
    ProblemDetail approval(ApprovalException e) {
        return Problems.of(e.code().endsWith("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage());
    }

    @ExceptionHandler(OperatorException.class)
    ProblemDetail operator(OperatorException e) {
        return Problems.of(e.code().equals("operator.exists") ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(LedgerException.class)
    ProblemDetail ledger(LedgerException e) {
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, e.code(), e.getMessage());
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

    /** Something asked for does not exist. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
