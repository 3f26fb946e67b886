package io.countersign.connectors.scim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.SecretRef;

/** A SCIM connector's validated configuration; every error names the property it is about. */
record ScimSettings(URI url, SecretRef token, String platform, boolean manageGroups, String noteAttribute, int pageSize) {

    static final String DEFAULT_PLATFORM = "scim";
    static final String DEFAULT_NOTE_ATTRIBUTE = "urn:ietf:params:scim:schemas:extension:countersign:2.0:User:reasonNote";
    static final int DEFAULT_PAGE_SIZE = 100;

    static ScimSettings from(Map<String, String> configuration) {
        URI url = url(configuration.get("url"));
        SecretRef token = SecretRef.parse("token", configuration.get("token"));
        String platform = configuration.getOrDefault("platform", DEFAULT_PLATFORM);
        if (platform == null || !platform.matches("[a-z][a-z0-9_-]{0,39}")) {
            throw invalid("platform: must be a lower-case name such as scim, was '" + platform + "'");
        }
        String groupMode = configuration.getOrDefault("group-mode", "groups");
        if (!"groups".equals(groupMode) && !"none".equals(groupMode)) {
            throw invalid("group-mode: must be groups or none, was '" + groupMode + "'");
        }
        String note = configuration.getOrDefault("note-attribute", DEFAULT_NOTE_ATTRIBUTE);
        if (note == null || note.isBlank() || note.endsWith(":")) {
            throw invalid("note-attribute: must name a User attribute, e.g. " + DEFAULT_NOTE_ATTRIBUTE + ", was '" + note + "'");
        }
        try {
            Path.fromString(note);
        } catch (BadRequestException e) {
            throw invalid("note-attribute: '" + note + "' is not a SCIM attribute path (" + e.getMessage() + ")");
        }
        return new ScimSettings(url, token, platform, "groups".equals(groupMode), note, pageSize(configuration.get("page-size")));
    }

    private static int pageSize(String value) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= 1000) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the value
        }
        throw invalid("page-size: must be a whole number from 1 to 1000, was '" + value + "'");
    }

    private static URI url(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("url: is required (the SCIM base URL, e.g. https://app.example/scim/v2)");
        }
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid("url: must be an http or https URL with a host, was '" + value + "'");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw invalid("url: must not carry a query, fragment or credentials, was '" + uri.getScheme() + "://" + uri.getHost() + "…'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("url: is not a URL (" + e.getReason() + ")");
        }
    }

    private static ConnectorException invalid(String message) {
        return new ConnectorException("connector.config", message);
    }
}
