/**
 * A compliance API: the regulatory facts a joiner's access depends on, from a configurable HTTP endpoint
 * ({@code countersign.connectors.compliance.url}, a bearer token as a secret reference): the worker's FINRA-style
 * registrations (CRD number, exams passed or pending) and what the role requires, plus the regulatory programmes
 * that cover it (SOX, Volcker Rule). {@link io.countersign.connectors.compliance.ComplianceApi} turns the answer
 * into flags such as {@code "FINRA Series 7 pending"}. When the API is not configured, times out or fails, the
 * answer says the flags are unavailable, never an empty list: callers must not read silence as "no flags".
 *
 * <p>Wire format: {@code GET {url}/v1/registrations/{employeeId}?title=&department=&location=} answering
 * {@code {"employee_id", "crd", "registrations": [{"exam", "status"}], "required_registrations": [...],
 * "programs": [...]}}. Nothing here is ledgered; the workflow that asks ledgers the flags with its package.
 * Open, so the lifecycle module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance API", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.countersign.connectors.compliance;
