package io.countersign.simulator.internal;

/** The identity platforms accounts live on, in the order a person's accounts are listed. */
enum Platform {

    OKTA("okta", "OKTA"), ENTRA("entra", "SG"), AD("ad", "GRP"), LOCAL("local", null);

    final String id;
    /** Prefix of the groups named after an application's entitlements, {@code null} where there are none. */
    final String groupPrefix;

    Platform(String id, String groupPrefix) {
        this.id = id;
        this.groupPrefix = groupPrefix;
    }

    static Platform of(String id) {
        for (Platform platform : values()) {
            if (platform.id.equals(id)) {
                return platform;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + id + "'");
    }
}
