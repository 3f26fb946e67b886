package io.countersign.ai;

/**
 * One factor's share in a recommendation, on the log-odds scale: the contributions of a recommendation
 * add up to its logit.
 *
 * @param value       the factor's input value
 * @param contribution weight × value (or its difference between the options compared)
 * @param explanation a sentence a reviewer can read, e.g. "kept from a previous role"
 */
public record FactorContribution(String factor, double value, double contribution, String explanation) {
}
