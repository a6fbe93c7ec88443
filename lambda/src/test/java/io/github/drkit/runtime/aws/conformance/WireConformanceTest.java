package io.github.drkit.runtime.aws.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.aws.CallHook;
import io.github.drkit.plan.RuntimePermissions;
import io.github.drkit.runtime.aws.api.Ec2Api;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;

/**
 * The runtime's wire layer held to the AWS SDK: for every operation of every facade in {@code runtime.aws.api},
 * the same logical call through the facade and through the SDK's client, both sent to a loopback capturing server,
 * must say the same thing on the wire, and the same AWS-shaped answer must read as the same value.
 */
class WireConformanceTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    private static final String FACADES = "io.github.drkit.runtime.aws.api";

    private static final Set<String> UNMODELED = Set.of("Ec2 InvalidInstanceID.NotFound", "Rds AccessDenied");

    private static CapturingServer server;
    private static AwsClients aws;
    private static SdkClients sdk;

    @BeforeAll
    static void start() {
        server = CapturingServer.start();
        aws = AwsClients.builder().region(Region.of(ConformanceCases.REGION)).endpoint(server.endpoint()).credentials(CREDENTIALS)
                .maxAttempts(1).build();
        sdk = new SdkClients(server.endpoint(), Region.of(ConformanceCases.REGION), CREDENTIALS);
    }

    @AfterAll
    static void stop() throws Exception {
        sdk.close();
        aws.close();
        server.close();
    }

    static Stream<ConformanceCase> cases() {
        return ConformanceCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void request_whenSameCallThroughFacadeAndSdk_isTheSameOnTheWire(ConformanceCase conformance) {
        Exchange runtime = exchange(conformance, () -> conformance.runtime().apply(aws));
        Exchange oracle = exchange(conformance, () -> conformance.sdk().apply(sdk));

        assertEquals(oracle.requests().size(), runtime.requests().size(), "requests sent");
        for (int i = 0; i < oracle.requests().size(); i++) {
            WireView expected = WireView.of(oracle.requests().get(i), conformance.volatileParameters());
            WireView actual = WireView.of(runtime.requests().get(i), conformance.volatileParameters());
            boolean cbor = expected.cbor() || actual.cbor();
            assertEquals(expected.comparable(cbor), actual.comparable(cbor), conformance + " request " + (i + 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answer_whenSameCannedAnswer_readsAsTheSameValue(ConformanceCase conformance) {
        Object runtime = exchange(conformance, () -> conformance.runtime().apply(aws)).value();
        Object oracle = exchange(conformance, () -> conformance.sdk().apply(sdk)).value();

        assertEquals(oracle, runtime, conformance.facadeMethod());
    }

    static Stream<ErrorCases.ErrorCase> errors() {
        return ErrorCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void error_whenSameCannedErrorAnswer_decodesTheSameCodeAndRequestId(ErrorCases.ErrorCase error) {
        server.answer(error.answer());
        AwsServiceError runtime = assertThrows(AwsServiceError.class, () -> error.runtime().accept(aws));
        AwsServiceException oracle = assertThrows(AwsServiceException.class, () -> error.sdk().accept(sdk));

        assertEquals(error.code(), oracle.awsErrorDetails().errorCode(), "the SDK's code");
        // A code the service model declares for the operation comes back as its modeled exception, a subclass of the
        // service's base exception; EC2's model declares no errors, and RDS's none for access.
        boolean modeled = oracle.getClass().getSuperclass() != AwsServiceException.class;
        assertEquals(!UNMODELED.contains(error.name()), modeled, error.name() + " read by the SDK as " + oracle.getClass().getSimpleName());
        assertEquals(oracle.awsErrorDetails().errorCode(), runtime.errorCode(), runtime.getMessage());
        assertEquals(oracle.requestId(), runtime.requestId(), "request id");
        assertEquals(oracle.statusCode(), runtime.statusCode(), "HTTP status");
    }

    @Test
    void error_whenInvalidChangeBatchListsMessages_decodesCodeMessagesAndRequestId() {
        server.answer(CannedAnswer.xml(400, ErrorCases.invalidChangeBatch()));

        AwsServiceError runtime = assertThrows(AwsServiceError.class,
                () -> aws.route53().upsert("Z0123456789ABCDEFGHIJ", "drkit failover", ConformanceCases.upsertRecords().subList(0, 2)));

        assertEquals("InvalidChangeBatch", runtime.errorCode());
        assertEquals(List.of("RRSet with DNS name note.example.com., type TXT cannot be created as other RRSets exist with the same name"
                        + " and type.",
                "Tried to create resource record set [name='app.example.com.', type='A', set-identifier='recovery'] but it already exists"),
                runtime.messages());
        assertEquals("b25f48e8-84fd-11e6-80d9-574e0c4664cb", runtime.requestId());
        assertEquals(400, runtime.statusCode());
        assertTrue(runtime.getMessage().startsWith("Route53 ChangeResourceRecordSets failed: InvalidChangeBatch (HTTP 400): RRSet with DNS name"
                + " note.example.com., type TXT cannot be created"), runtime.getMessage());
    }

    @Test
    void error_whenInvalidChangeBatchInErrorResponseForm_isTheSdksInvalidChangeBatch() {
        server.answer(ErrorCases.all().stream().filter(e -> e.name().equals("Route53 InvalidChangeBatch")).findFirst().orElseThrow().answer());

        AwsServiceError runtime = assertThrows(AwsServiceError.class,
                () -> aws.route53().upsert("Z0123456789ABCDEFGHIJ", "drkit failover", ConformanceCases.upsertRecords().subList(0, 1)));
        InvalidChangeBatchException oracle = assertThrows(InvalidChangeBatchException.class,
                () -> sdk.route53.changeResourceRecordSets(r -> r.hostedZoneId("Z0123456789ABCDEFGHIJ").changeBatch(b -> b
                        .changes(Change.builder().action("UPSERT").resourceRecordSet(ConformanceCases.sdkRecord(
                                ConformanceCases.upsertRecords().get(0))).build()))));

        assertEquals(List.of(oracle.awsErrorDetails().errorMessage()), runtime.messages());
        assertEquals(oracle.requestId(), runtime.requestId());
    }

    @Test
    void cases_whenFacadeMethodsEnumerated_coverEveryOne() throws Exception {
        Set<String> operations = facadeOperations();
        Set<String> covered = ConformanceCases.all().stream().map(ConformanceCase::facadeMethod).collect(Collectors.toCollection(TreeSet::new));

        assertFalse(operations.isEmpty(), "no facade found in " + FACADES);
        assertEquals(operations, covered, "every public operation of a facade in " + FACADES + " has its conformance case, and no other");
    }

    @Test
    void operations_whenEveryCaseRunsThroughTheFacades_areAllInThePermissionTable() {
        Set<String> sent = java.util.Collections.synchronizedSet(new TreeSet<>());
        CallHook record = new CallHook() {
            @Override
            public void beforeAttempt(Attempt attempt) {
                sent.add(attempt.service() + ":" + attempt.operation());
            }
        };
        try (AwsClients recorded = AwsClients.builder().region(Region.of(ConformanceCases.REGION)).endpoint(server.endpoint())
                .credentials(CREDENTIALS).maxAttempts(1).addHook(record).build()) {
            for (ConformanceCase conformance : ConformanceCases.all()) {
                exchange(conformance, () -> conformance.runtime().apply(recorded));
            }
        }

        // The role builder and the permission tests read the table: an operation missing from it is never granted.
        List<String> unlisted = sent.stream().filter(c -> RuntimePermissions.actionsOf(c.split(":")[0], c.split(":")[1]).isEmpty()).toList();
        assertFalse(sent.isEmpty(), "no call recorded");
        assertEquals(List.of(), unlisted, "operations the runtime sends that runtime-permissions.tsv does not list; sent " + sent);
    }

    /** {@code Class.method} of every public instance method of every {@code *Api} class of the facade package. */
    static Set<String> facadeOperations() throws ClassNotFoundException, URISyntaxException {
        // The folder the facades were compiled to (the test classes have a package of the same name).
        URL classes = Ec2Api.class.getProtectionDomain().getCodeSource().getLocation();
        File folder = new File(new File(classes.toURI()), FACADES.replace('.', '/'));
        List<Class<?>> facades = new ArrayList<>();
        for (String file : Objects.requireNonNull(folder.list(), folder.toString())) {
            if (file.endsWith("Api.class")) {
                facades.add(Class.forName(FACADES + "." + file.substring(0, file.length() - ".class".length())));
            }
        }
        Set<String> operations = new TreeSet<>();
        for (Class<?> facade : facades) {
            for (Method method : facade.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
                    operations.add(facade.getSimpleName() + "." + method.getName());
                }
            }
        }
        return operations;
    }

    private record Exchange(Object value, List<Captured> requests) {
    }

    private static Exchange exchange(ConformanceCase conformance, java.util.function.Supplier<Object> call) {
        synchronized (WireConformanceTest.class) {
            server.answer(conformance.answer());
            server.clear();
            Object value = call.get();
            return new Exchange(value, server.requests());
        }
    }
}
