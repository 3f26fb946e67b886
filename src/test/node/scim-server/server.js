"use strict";
// A SCIM 2.0 service provider that nobody at Countersign wrote the protocol side of: scimmy parses and
// formats the messages, scimmy-routers serves the RFC 7644 endpoints on Express. This file only adds an
// in-memory store, bearer authentication and a schema extension for the reason note.
//
// Usage: SCIM_TOKEN=... node server.js [--port N]   (port 0, the default, picks a free one)
// Prints one JSON line {"port": N} when it listens; exits when its standard input closes, so it never
// outlives the test run that started it.

const crypto = require("node:crypto");
const express = require("express");
const {SCIMMYRouters, SCIMMY} = require("scimmy-routers");

const token = process.env.SCIM_TOKEN;
if (!token) {
    console.error("SCIM_TOKEN: is required (the bearer token clients must present)");
    process.exit(2);
}
const portArgument = process.argv.indexOf("--port");
const port = portArgument < 0 ? 0 : Number(process.argv[portArgument + 1]);

const countersign = new SCIMMY.Types.SchemaDefinition("CountersignUser", "urn:ietf:params:scim:schemas:extension:countersign:2.0:User",
    "Governance attributes Countersign writes back", [
        new SCIMMY.Types.Attribute("string", "reasonNote", {description: "Why the last governed change was made"})
    ]);

// Each resource type keeps its resources by id; the egress handler filters them itself, scimmy pages them.
function serve(Resource, uniqueAttribute) {
    const store = new Map();
    const conflict = (instance, id) => [...store.values()].some(r => r.id !== id
        && String(r[uniqueAttribute]).toLowerCase() === String(instance[uniqueAttribute]).toLowerCase());

    SCIMMY.Resources.declare(Resource)
        .egress((resource) => {
            if (resource.id) {
                if (!store.has(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
                return store.get(resource.id);
            }
            const all = [...store.values()];
            return resource.filter ? resource.filter.match(all) : all;
        })
        .ingress((resource, instance) => {
            if (resource.id && !store.has(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
            if (conflict(instance, resource.id)) {
                throw new SCIMMY.Types.Error(409, "uniqueness", `${uniqueAttribute} ${instance[uniqueAttribute]} is already taken`);
            }
            const now = new Date().toISOString();
            const previous = store.get(resource.id);
            const id = previous?.id ?? crypto.randomUUID();
            const stored = {...JSON.parse(JSON.stringify(instance)), id, meta: {created: previous?.meta.created ?? now, lastModified: now}};
            store.set(id, stored);
            return stored;
        })
        .degress((resource) => {
            if (!store.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        });
    return store;
}

SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser).extend(countersign);
const users = serve(SCIMMY.Resources.User, "userName");
const groups = serve(SCIMMY.Resources.Group, "displayName");

// A deleted user leaves the groups it was in, as a directory would.
SCIMMY.Resources.User.degress((resource) => {
    if (!users.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
    for (const group of groups.values()) {
        group.members = (group.members ?? []).filter(m => m.value !== resource.id);
    }
});

const app = express();
// Express 5 parses req.query afresh on every read, so scimmy-routers' conversion of startIndex and count
// to numbers was lost and every list came back from index 1, 20 at a time. Pin the parsed query once.
app.use((request, response, next) => {
    Object.defineProperty(request, "query", {value: {...request.query}, writable: true, enumerable: true});
    next();
});
app.use("/scim/v2", new SCIMMYRouters({
    type: "bearer",
    handler: (request) => {
        const presented = request.header("Authorization") ?? "";
        const expected = `Bearer ${token}`;
        const same = presented.length === expected.length && crypto.timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
        if (!same) throw new Error("Bearer token missing or not accepted");
        return "countersign";
    }
}));

const server = app.listen(port, "127.0.0.1", () => console.log(JSON.stringify({port: server.address().port})));
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
