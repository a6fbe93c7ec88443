package io.github.drkit.apps.drill;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What is still in the emulator after the drill deleted its stacks: Auto Scaling groups, hosted zones and
 * functions the stacks created. On AWS these go with the stack; an emulator that keeps them is reported.
 */
final class Leftovers {
    private final DrillClients clients;

    Leftovers(DrillClients clients) {
        this.clients = clients;
    }

    List<String> find(List<DeployedStack> deployed) {
        List<String> left = new ArrayList<>();
        for (DeployedStack d : deployed) {
            String region = d.stack().region();
            for (String asg : d.physicalIdsOfType("AWS::AutoScaling::AutoScalingGroup")) {
                if (!clients.autoScaling(region).describeAutoScalingGroups(b -> b.autoScalingGroupNames(asg)).autoScalingGroups().isEmpty()) {
                    left.add("Auto Scaling group " + asg + " (" + region + ")");
                }
            }
            for (String zone : d.physicalIdsOfType("AWS::Route53::HostedZone")) {
                try {
                    clients.route53().getHostedZone(b -> b.id(zone));
                    left.add("hosted zone " + zone + " (" + d.stack().stackName() + ")");
                } catch (AwsServiceException gone) {
                    // deleted with its stack, as on AWS
                }
            }
            for (String fn : d.physicalIdsOfType("AWS::Lambda::Function")) {
                try {
                    clients.lambda(region).getFunction(b -> b.functionName(fn));
                    left.add("function " + fn + " (" + region + ")");
                } catch (AwsServiceException gone) {
                    // deleted with its stack
                }
            }
        }
        return left;
    }
}
