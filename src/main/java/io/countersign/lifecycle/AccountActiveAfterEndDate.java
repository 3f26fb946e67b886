package io.countersign.lifecycle;

import java.time.LocalDate;

/** An account was found active after its owner's HR end date; ledgered at {@code ledgerSeq}. Published durably. */
public record AccountActiveAfterEndDate(String identityId, String employeeId, String platform, String login, LocalDate endDate,
                                        long ledgerSeq) {
}
