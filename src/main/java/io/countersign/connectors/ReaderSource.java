package io.countersign.connectors;

import java.util.List;

/** Offers readers for several platforms at once (a connector whose platforms are configured, not fixed). */
public interface ReaderSource {

    List<TenantReader> readers();
}
