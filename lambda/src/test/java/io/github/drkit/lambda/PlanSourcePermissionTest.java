package io.github.drkit.lambda;

import static io.github.drkit.runtime.scenario.Emulator.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.drkit.runtime.aws.AwsClients;
import io.github.drkit.runtime.aws.AwsServiceError;
import io.github.drkit.runtime.scenario.Emulator;
import io.github.drkit.testing.MotoServer;
import io.github.drkit.testing.MotoServerExtension;
import io.github.drkit.plan.RuntimePermissions;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** A plan kept in SSM is read under the role's plan-parameter actions, with the emulator enforcing IAM. */
@ExtendWith(MotoServerExtension.class)
class PlanSourcePermissionTest {
    private static final String PARAMETER = "/drkit/shop/plan";

    private MotoServer moto;
    private Emulator emulator;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        emulator = new Emulator(moto);
        emulator.ssm(RECOVERY).putParameter(p -> p.name(PARAMETER).type("String").value("""
                {"version": 1, "application": "shop", "strategy": "PILOT_LIGHT", "recoveryRegion": "us-west-2",
                 "databases": [{"dbInstanceIdentifier": "shop-replica"}]}
                """));
    }

    @AfterEach
    void tearDown() {
        moto.iam().relax();
        emulator.close();
    }

    @Test
    void load_underRoleFromTable_readsThePlan() {
        AwsCredentialsProvider session = session(RuntimePermissions.actions(Set.of("plan-parameter")));

        String application = read(session);

        assertEquals("shop", application);
    }

    @Test
    void load_whenRoleLacksGetParameter_failsNamingIt() {
        Set<String> actions = new TreeSet<>(RuntimePermissions.actions(Set.of("plan-parameter")));
        actions.remove("ssm:GetParameter");
        AwsCredentialsProvider session = session(actions);

        AwsServiceError denied = assertThrows(AwsServiceError.class, () -> read(session));

        assertEquals(403, denied.statusCode(), denied.getMessage());
        // moto answers this JSON-protocol call with a Query-style XML error, whose message the runtime does not decode;
        // the table names the action the denied call needs.
        assertEquals(Set.of("ssm:GetParameter"), RuntimePermissions.actionsOf(denied.service(), denied.operation()), denied.getMessage());
        assertTrue(denied.getMessage().contains("AccessDenied"), denied.getMessage());
    }

    private AwsCredentialsProvider session(Set<String> actions) {
        String role = moto.iam().createRole(moto.credentials(), "drkit-failover", actions);
        return moto.iam().assume(moto.credentials(), role, "failover");
    }

    private String read(AwsCredentialsProvider session) {
        try (AwsClients clients = emulator.runtimeClients(session)) {
            return moto.iam().enforcing(() -> PlanSource.load(Map.of("DRKIT_PLAN_PARAMETER", PARAMETER), clients).application());
        }
    }
}
