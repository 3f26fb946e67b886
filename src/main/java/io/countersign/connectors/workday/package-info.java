/**
 * The HR source (Workday-style): worker events (hire, transfer, termination, contract end, leave start and
 * return) into the inbox, as platform {@code workday}, stream {@code worker_events}, keyed by the HR event id.
 *
 * <p>Three ways in, one judgement ({@link io.countersign.connectors.workday.WorkerEvent}): a webhook at
 * {@code /hooks/workday} (JSON, one event or {@code {"events": [...]}}, authenticated by the shared secret in
 * the {@code X-Countersign-Webhook-Secret} header); a CSV import ({@code countersign hr import FILE}, {@code POST
 * /api/hr/imports}) with the header {@code event_id,kind,effective_date,employee_id,name,email,title,department,
 * desk,cost_centre,location,manager_employee_id,employment_type,hire_date,end_date,status,previous_title,previous_desk};
 * and polling the worker-event feed with a durable offset cursor. Nothing is half-stored: a delivery or a file
 * with any bad event stores none. Redelivered events are stored once. Nothing here is ledgered: the events are
 * inputs, and the workflows that act on them ledger what they decide. Vendor JSON stays in this module.
 *
 * <p>Open, because Spring Modulith lets only a nested module's parent and siblings use it, and the web layer
 * (webhook, import API) and the command line ({@code hr import}) use {@link io.countersign.connectors.workday.HrEvents}.
 * Everything but the entry class, the event records and the exception is package-private, so Java still hides it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workday HR source", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.countersign.connectors.workday;
