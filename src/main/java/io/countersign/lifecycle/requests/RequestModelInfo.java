package io.countersign.lifecycle.requests;

import java.time.Instant;

import io.countersign.ai.ModelMetrics;
import io.countersign.ledger.ModelRef;

/**
 * The approval model requests are scored with.
 *
 * @param trainingData what it was trained on, e.g. {@code synthetic:seed=42,...;requests=29876}
 * @param holdout      its metrics on the held-out part of the history (not used for training)
 * @param trainSeconds how long training took
 * @param ledgerSeq    the ledger entry that recorded the training
 * @param trainedNow   true when this call trained it, false when it was loaded from the database
 */
public record RequestModelInfo(ModelRef ref, String trainingData, Instant trainedAt, int rowsTrain, int rowsHoldout,
                               ModelMetrics holdout, double trainSeconds, long ledgerSeq, boolean trainedNow) {
}
