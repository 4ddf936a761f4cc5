package org.culturecard.central.api;

import io.javalin.security.RouteRole;

/** What a bearer token may do: read-only may read; admin may read and change. */
public enum Role implements RouteRole {
    READ_ONLY,
    ADMIN
}
