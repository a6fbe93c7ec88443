package io.github.drkit.runtime.aws.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.drkit.runtime.aws.RestXmlProtocol;
import io.github.drkit.runtime.aws.Xml;

/**
 * The Route 53 operations a recovery needs. Route 53 is global: every call goes to the partition's one
 * endpoint, whatever the plan's Regions.
 */
public final class Route53Api {
    private static final String API = "/2013-04-01";
    private static final String NAMESPACE = "https://route53.amazonaws.com/doc/2013-04-01/";
    /** Bounds the listing of one hosted zone: 100 pages of 300 records. */
    private static final int MAX_RECORD_PAGES = 100;

    private final RestXmlProtocol rest;
    private final String region;

    /** @param region any Region of the partition; it selects the endpoint and the signing Region */
    public Route53Api(RestXmlProtocol rest, String region) {
        this.rest = rest;
        this.region = region;
    }

    /** One page of a zone's records, and where the next page starts (null when this is the last). */
    public record RecordPage(List<RecordSet> records, Start next) {
    }

    /** Where a listing starts: a record name, type and set identifier. */
    public record Start(String name, String type, String setIdentifier) {
    }

    /** A submitted change, by its bare id: {@code PENDING} until Route 53 has applied it everywhere, then {@code INSYNC}. */
    public record Change(String id, String status) {
        public boolean insync() {
            return "INSYNC".equals(status);
        }
    }

    /** A page of the zone's records from {@code start} (null: from the first); an unknown zone fails with {@code NoSuchHostedZone}. */
    public RecordPage records(String hostedZoneId, Start start) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (start != null) {
            query.put("name", List.of(start.name()));
            query.put("type", List.of(start.type()));
            if (start.setIdentifier() != null) {
                query.put("identifier", List.of(start.setIdentifier()));
            }
        }
        Xml answer = rest.get(region, "ListResourceRecordSets", API + "/hostedzone/" + zone(hostedZoneId) + "/rrset", query);
        List<RecordSet> records = new ArrayList<>();
        answer.all("ResourceRecordSets/ResourceRecordSet").forEach(r -> records.add(record(r)));
        Start next = Boolean.TRUE.equals(answer.bool("IsTruncated"))
                ? new Start(answer.text("NextRecordName"), answer.text("NextRecordType"), answer.text("NextRecordIdentifier"))
                : null;
        return new RecordPage(records, next);
    }

    /** Every record of a hosted zone, page by page. */
    public List<RecordSet> allRecords(String hostedZoneId) {
        List<RecordSet> records = new ArrayList<>();
        Start start = null;
        for (int pages = 1; pages <= MAX_RECORD_PAGES; pages++) {
            RecordPage page = records(hostedZoneId, start);
            records.addAll(page.records());
            start = page.next();
            if (start == null) {
                return records;
            }
        }
        throw new IllegalStateException("hosted zone " + hostedZoneId + " has more than " + MAX_RECORD_PAGES
                + " pages of records; stopped listing");
    }

    private static RecordSet record(Xml r) {
        Xml alias = r.first("AliasTarget");
        return new RecordSet(r.text("Name"), r.text("Type"), r.text("SetIdentifier"), r.number("Weight"), r.text("Failover"),
                r.text("HealthCheckId"), r.number("TTL"),
                r.all("ResourceRecords/ResourceRecord").stream().map(v -> v.text("Value")).toList(),
                alias == null ? null : new RecordSet.AliasTarget(alias.text("DNSName"), alias.text("HostedZoneId"),
                        Boolean.TRUE.equals(alias.bool("EvaluateTargetHealth"))),
                routing(r));
    }

    private static RecordSet.Routing routing(Xml r) {
        Xml geo = r.first("GeoLocation");
        Xml proximity = r.first("GeoProximityLocation");
        Xml cidr = r.first("CidrRoutingConfig");
        Long bias = proximity == null ? null : proximity.number("Bias");
        return new RecordSet.Routing(r.text("Region"),
                geo == null ? null : new RecordSet.GeoLocation(geo.text("ContinentCode"), geo.text("CountryCode"), geo.text("SubdivisionCode")),
                proximity == null ? null : new RecordSet.GeoProximity(proximity.text("AWSRegion"), proximity.text("LocalZoneGroup"),
                        proximity.text("Coordinates/Latitude"), proximity.text("Coordinates/Longitude"), bias == null ? null : bias.intValue()),
                r.bool("MultiValueAnswer"),
                cidr == null ? null : new RecordSet.CidrRouting(cidr.text("CollectionId"), cidr.text("LocationName")),
                r.text("TrafficPolicyInstanceId"));
    }

    /** UPSERTs {@code records} in one batch: Route 53 applies all of them or none. */
    public Change upsert(String hostedZoneId, String comment, List<RecordSet> records) {
        for (RecordSet record : records) {
            if (record.routing().trafficPolicyInstanceId() != null) {
                throw new IllegalArgumentException("record " + record.name() + " " + record.type()
                        + (record.setIdentifier() == null ? "" : " (set identifier " + record.setIdentifier() + ")")
                        + " was created by traffic policy instance " + record.routing().trafficPolicyInstanceId()
                        + "; Route 53 changes it only through that instance, so a plan must not UPSERT it");
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<ChangeResourceRecordSetsRequest xmlns=\"").append(NAMESPACE).append("\"><ChangeBatch>");
        element(xml, "Comment", comment);
        xml.append("<Changes>");
        for (RecordSet record : records) {
            xml.append("<Change><Action>UPSERT</Action>");
            write(xml, record);
            xml.append("</Change>");
        }
        xml.append("</Changes></ChangeBatch></ChangeResourceRecordSetsRequest>");
        Xml answer = rest.post(region, "ChangeResourceRecordSets", API + "/hostedzone/" + zone(hostedZoneId) + "/rrset/", xml.toString());
        return change(answer.first("ChangeInfo"));
    }

    /** Elements in the order Route 53's schema defines them. */
    private static void write(StringBuilder xml, RecordSet record) {
        RecordSet.Routing routing = record.routing();
        xml.append("<ResourceRecordSet>");
        element(xml, "Name", record.name());
        element(xml, "Type", record.type());
        element(xml, "SetIdentifier", record.setIdentifier());
        element(xml, "Weight", record.weight());
        element(xml, "Region", routing.region());
        if (routing.geoLocation() != null) {
            xml.append("<GeoLocation>");
            element(xml, "ContinentCode", routing.geoLocation().continentCode());
            element(xml, "CountryCode", routing.geoLocation().countryCode());
            element(xml, "SubdivisionCode", routing.geoLocation().subdivisionCode());
            xml.append("</GeoLocation>");
        }
        element(xml, "Failover", record.failover());
        element(xml, "MultiValueAnswer", routing.multiValueAnswer());
        if (record.aliasTarget() == null) {
            element(xml, "TTL", record.ttl());
            xml.append("<ResourceRecords>");
            for (String value : record.values()) {
                xml.append("<ResourceRecord>");
                element(xml, "Value", value);
                xml.append("</ResourceRecord>");
            }
            xml.append("</ResourceRecords>");
        } else {
            xml.append("<AliasTarget>");
            element(xml, "HostedZoneId", record.aliasTarget().hostedZoneId());
            element(xml, "DNSName", record.aliasTarget().dnsName());
            element(xml, "EvaluateTargetHealth", record.aliasTarget().evaluateTargetHealth());
            xml.append("</AliasTarget>");
        }
        element(xml, "HealthCheckId", record.healthCheckId());
        if (routing.cidrRouting() != null) {
            xml.append("<CidrRoutingConfig>");
            element(xml, "CollectionId", routing.cidrRouting().collectionId());
            element(xml, "LocationName", routing.cidrRouting().locationName());
            xml.append("</CidrRoutingConfig>");
        }
        if (routing.geoProximity() != null) {
            RecordSet.GeoProximity proximity = routing.geoProximity();
            xml.append("<GeoProximityLocation>");
            element(xml, "AWSRegion", proximity.awsRegion());
            element(xml, "LocalZoneGroup", proximity.localZoneGroup());
            if (proximity.latitude() != null || proximity.longitude() != null) {
                xml.append("<Coordinates>");
                element(xml, "Latitude", proximity.latitude());
                element(xml, "Longitude", proximity.longitude());
                xml.append("</Coordinates>");
            }
            element(xml, "Bias", proximity.bias());
            xml.append("</GeoProximityLocation>");
        }
        xml.append("</ResourceRecordSet>");
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value != null) {
            xml.append('<').append(name).append('>').append(RestXmlProtocol.escape(String.valueOf(value))).append("</").append(name).append('>');
        }
    }

    public Change change(String changeId) {
        String id = changeId.substring(changeId.lastIndexOf('/') + 1);
        return change(rest.get(region, "GetChange", API + "/change/" + id, Map.of()).first("ChangeInfo"));
    }

    /** The change's bare id, as the AWS SDK gives it: Route 53 answers {@code /change/C2682N5HXP0BZ4}. */
    private static Change change(Xml info) {
        String id = info.text("Id");
        return new Change(id == null ? null : id.substring(id.lastIndexOf('/') + 1), info.text("Status"));
    }

    /** The status line each Route 53 health checker reports, e.g. {@code Success: HTTP Status Code 200, OK}; empty when it reported none. */
    public List<String> healthCheckStatuses(String healthCheckId) {
        return rest.get(region, "GetHealthCheckStatus", API + "/healthcheck/" + healthCheckId + "/status", Map.of())
                .all("HealthCheckObservations/HealthCheckObservation").stream()
                .map(o -> java.util.Objects.requireNonNullElse(o.text("StatusReport/Status"), ""))
                .toList();
    }

    private static String zone(String hostedZoneId) {
        return hostedZoneId.substring(hostedZoneId.lastIndexOf('/') + 1);
    }
}
