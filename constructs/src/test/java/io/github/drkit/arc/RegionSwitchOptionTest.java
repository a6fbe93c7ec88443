package io.github.drkit.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.drkit.failover.Capacity;
import io.github.drkit.failover.DnsSwitchOptions;
import io.github.drkit.failover.Endpoint;
import io.github.drkit.objectives.RecoveryObjectives;
import io.github.drkit.plan.PlanStep;
import io.github.drkit.standby.WarmStandbyFleet;
import io.github.drkit.standby.WarmStandbyFleetProps;
import io.github.drkit.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The {@code regionSwitchPlan} option of a topology construct: the plan next to its failover function. */
class RegionSwitchOptionTest {

    private static WarmStandbyFleetProps.Builder props(Stack stack) {
        return WarmStandbyFleetProps.builder().applicationName("shop").primaryRegion("us-east-1").vpc(Fixtures.vpc(stack))
                .recoveryCapacity(Capacity.of(2, 4, 8))
                .dns(DnsSwitchOptions.builder().hostedZone(Fixtures.zone(stack)).recordName("shop")
                        .primary(Endpoint.zoneRecord("primary.shop")).build());
    }

    @Test
    void warmStandby_whenOptionGiven_addsPlanFromItsFailoverWithDeclaredRto() {
        Stack stack = Fixtures.recoveryStack();
        WarmStandbyFleet fleet = new WarmStandbyFleet(stack, "Shop", props(stack)
                .regionSwitchPlan(ArcRegionSwitchPlanProps.builder().build()).build());
        RecoveryObjectives.builder().rto(Duration.minutes(30)).rpo(Duration.minutes(5)).build().applyTo(stack);
        Template t = Template.fromStack(stack);
        t.hasResourceProperties("AWS::ARCRegionSwitch::Plan", Map.of("Name", "drkit-shop", "RecoveryTimeObjectiveMinutes", 30,
                "Regions", List.of("us-east-1", "us-west-2"), "Workflows", Match.anyValue()));
        ArcRegionSwitchPlan arc = fleet.getRegionSwitchPlan();
        assertEquals("Shop/" + ArcRegionSwitchPlan.TOPOLOGY_ID, arc.getNode().getPath().substring("Test/".length()));
        List<String> carried = arc.workflow("failover").orElseThrow().blocks().stream().flatMap(b -> b.steps().stream()).toList();
        assertEquals(ArcFixtures.read(fleet.getFailover()).steps().stream().map(PlanStep::path).toList(), carried);
    }

    @Test
    void warmStandby_whenOptionAbsent_addsNoPlan() {
        Stack stack = Fixtures.recoveryStack();
        WarmStandbyFleet fleet = new WarmStandbyFleet(stack, "Shop", props(stack).build());
        Template.fromStack(stack).resourceCountIs("AWS::ARCRegionSwitch::Plan", 0);
        assertNull(fleet.getRegionSwitchPlan());
    }

    @Test
    void warmStandby_whenOptionNamesAnotherFailover_refusesIt() {
        Stack stack = Fixtures.recoveryStack();
        ArcRegionSwitchPlanProps options = ArcRegionSwitchPlanProps.builder()
                .failover(ArcFixtures.function(stack, ArcFixtures.everyKind())).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WarmStandbyFleet(stack, "Shop", props(stack).regionSwitchPlan(options).build()));
        assertEquals("WarmStandbyFleet: regionSwitchPlan.failover must be left unset: the construct fills in its own failover function "
                + "(got Test/Failover)", e.getMessage());
    }
}
