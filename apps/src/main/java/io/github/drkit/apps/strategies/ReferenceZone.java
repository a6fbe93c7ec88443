package io.github.drkit.apps.strategies;

import software.amazon.awscdk.App;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.constructs.Construct;

/**
 * The public hosted zone every strategy's records live in. It already exists (a zone is shared by
 * both Regions and outlives any stack), so it is imported by id and name: synth makes no lookup.
 * Set it with {@code -c hostedZoneId=Z... -c zoneName=example.com}.
 */
public final class ReferenceZone {
    public static final String DEFAULT_ZONE_ID = "Z0123456789ABCDEFGHIJ";
    public static final String DEFAULT_ZONE_NAME = "drkit.example.com";

    private final String id;
    private final String name;

    private ReferenceZone(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public static ReferenceZone from(App app) {
        Object id = app.getNode().tryGetContext("hostedZoneId");
        Object name = app.getNode().tryGetContext("zoneName");
        return new ReferenceZone(id == null ? DEFAULT_ZONE_ID : id.toString(), name == null ? DEFAULT_ZONE_NAME : name.toString());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public IHostedZone importInto(Construct scope) {
        return HostedZone.fromHostedZoneAttributes(scope, "Zone", HostedZoneAttributes.builder().hostedZoneId(id).zoneName(name).build());
    }
}
