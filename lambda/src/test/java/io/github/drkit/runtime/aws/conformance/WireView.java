package io.github.drkit.runtime.aws.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

/**
 * What a request says, independent of how its bytes are laid out: parameters parsed (form, JSON, CBOR or XML),
 * numbers compared by value, parameters whose value changes on every call reduced to their presence.
 *
 * @param operation  the operation as the protocol names it: {@code Action}, {@code X-Amz-Target}, the RPC v2 path,
 *                   or for REST the method and path
 * @param parameters the body's and the query string's parameters
 * @param signingScope Region and service from the Authorization header
 * @param cbor       true when the request was RPC v2 CBOR: then only operation, parameters and scope compare
 */
record WireView(String method, String path, String contentType, String target, String operation, Object parameters,
                List<String> signingScope, boolean cbor) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    private static final String PRESENT = "<present>";
    private static final List<String> HEADER_MEMBERS = List.of("X-Amz-Invocation-Type", "X-Amz-Log-Type", "X-Amz-Client-Context");

    static WireView of(Captured request, Set<String> volatileParameters) {
        String contentType = request.header("Content-Type") == null ? null
                : request.header("Content-Type").toLowerCase(Locale.ROOT).replace(" ", "");
        String target = request.header("X-Amz-Target");
        boolean cbor = "rpc-v2-cbor".equals(request.header("smithy-protocol"));
        Map<String, Object> parameters = new TreeMap<>();
        request.query().forEach((name, values) -> parameters.put("?" + name, volatileParameters.contains(name) ? PRESENT : values));
        String operation;
        if (cbor) {
            // /service/GraniteServiceVersion20100801/operation/PutMetricData
            String[] parts = request.path().split("/");
            operation = parts[2] + "." + parts[4];
            parameters.put("body", tree(read(CBOR, request.body()), volatileParameters));
        } else if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            Map<String, List<String>> form = Captured.form(new String(request.body(), StandardCharsets.UTF_8));
            operation = form.get("Action").get(0);
            form.forEach((name, values) -> parameters.put(name, volatileParameters.contains(name) ? PRESENT : values));
        } else if (contentType != null && contentType.startsWith("application/x-amz-json-")) {
            operation = target;
            parameters.put("body", tree(read(JSON, request.body()), volatileParameters));
        } else if (contentType != null && contentType.startsWith("application/json")) {
            // REST-JSON (EKS): the operation is the method and path, the input also a JSON body.
            operation = request.method() + " " + request.path();
            parameters.put("body", tree(read(JSON, request.body()), volatileParameters));
        } else if (request.body().length > 0 && request.body()[0] != '<') {
            // A body that is the caller's own bytes (Lambda's Invoke payload): compared as it is.
            operation = request.method() + " " + request.path();
            parameters.put("body", new String(request.body(), StandardCharsets.UTF_8));
        } else {
            operation = request.method() + " " + request.path();
            if (request.body().length > 0) {
                // REST: an XML document (Route 53), or an object's bytes (S3 PutObject), compared as they are.
                boolean xml = contentType == null || contentType.contains("xml");
                parameters.put("body", xml ? canonicalXml(request.body()) : new String(request.body(), StandardCharsets.UTF_8));
            }
        }
        // Input members a REST protocol sends as headers (Lambda's invocation and log types).
        for (String header : HEADER_MEMBERS) {
            if (request.header(header) != null) {
                parameters.put("header " + header, request.header(header));
            }
        }
        // S3's user metadata, an input member sent as one header per entry.
        request.headers().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-meta-")) {
                parameters.put("header " + name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new WireView(request.method(), request.path(), contentType, target, operation, parameters, request.signingScope(), cbor);
    }

    /** The view to compare with another: everything, or for an RPC v2 CBOR request what the two protocols share. */
    Map<String, Object> comparable(boolean againstCbor) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (!cbor && !againstCbor) {
            view.put("method", method);
            view.put("path", path);
            view.put("content type", contentType);
            view.put("target header", target);
        }
        view.put("operation", operation);
        view.put("parameters", parameters);
        view.put("signing scope", signingScope);
        return view;
    }

    private static JsonNode read(ObjectMapper mapper, byte[] body) {
        try {
            return body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the request body is not what its content type says", e);
        }
    }

    /** JSON or CBOR as maps, lists, decimals, strings and booleans: 0.0 and 0 read the same. */
    private static Object tree(JsonNode node, Set<String> volatileParameters) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(),
                    volatileParameters.contains(e.getKey()) ? PRESENT : tree(e.getValue(), volatileParameters)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(tree(item, volatileParameters)));
            return list;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return value.signum() == 0 ? BigDecimal.ZERO : value;
        }
        return node.isNull() ? null : node.isBoolean() ? node.booleanValue() : node.asText();
    }

    /** An XML document as nested names and texts, namespaces and whitespace between elements left out. */
    static String canonicalXml(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
            StringBuilder out = new StringBuilder();
            canonical(root, out);
            return out.toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static void canonical(Element element, StringBuilder out) {
        out.append('<').append(element.getTagName()).append('>');
        boolean hasChildElements = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                hasChildElements = true;
                canonical(e, out);
            }
        }
        if (!hasChildElements) {
            out.append(element.getTextContent());
        }
        out.append("</").append(element.getTagName()).append('>');
    }
}
