package io.github.drkit.objectives.pricing;

/** A CloudWatch dashboard: its monthly charge (the free tier's first three are not counted). */
final class DashboardPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::CloudWatch::Dashboard";
    }

    @Override
    public void price(PricedResource r) {
        r.charge("cloudwatch:dashboard", 1, "dashboard");
    }
}
