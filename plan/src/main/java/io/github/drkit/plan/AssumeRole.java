package io.github.drkit.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role a step's calls are made with when its resources live in another AWS account: the runtime assumes it
 * (STS {@code AssumeRole}) once per run and makes every call of the step with that session. A step without one runs
 * with the runtime's own credentials. The account is the role ARN's; the ARN's partition is the step's.
 *
 * @param roleArn    the role to assume, {@code arn:<partition>:iam::<account>:role/<path/><name>}
 * @param externalId the external id the role's trust policy asks for; null when it asks for none
 * @param path       where the object sits in the plan, e.g. {@code stages[1].steps[0].assumeRole}; null when built in code
 */
public record AssumeRole(String roleArn, String externalId, String path) {
    /** The plan field that holds it on a step. */
    public static final String FIELD = "assumeRole";
    /** IAM role names: 1-64 characters of {@code \w+=,.@-}; a path of such segments between slashes, up to 512 characters. */
    static final Pattern ROLE_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f):iam::(\\d{12}):role/((?:[\\w+=,.@-]+/)*)([\\w+=,.@-]{1,64})");
    /** STS's rule for an external id: 2-1224 characters of {@code \w+=,.@:/-}. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    public AssumeRole {
        java.util.Objects.requireNonNull(roleArn, "roleArn");
    }

    /** A role to assume without an external id, built in code. */
    public static AssumeRole of(String roleArn) {
        return new AssumeRole(roleArn, null, null);
    }

    /** A role to assume with an external id, built in code. */
    public static AssumeRole of(String roleArn, String externalId) {
        return new AssumeRole(roleArn, externalId, null);
    }

    /** The account the role lives in, and the step's resources with it; null while the ARN is a deploy-time placeholder. */
    public String account() {
        Matcher matcher = ROLE_ARN.matcher(roleArn);
        return matcher.matches() ? matcher.group(2) : null;
    }

    /** The partition the role lives in ({@code aws}, {@code aws-cn}, ...); null while the ARN is a deploy-time placeholder. */
    public String partition() {
        Matcher matcher = ROLE_ARN.matcher(roleArn);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * Reads and checks the step's optional {@value #FIELD} object.
     *
     * @param region the Region the step's calls go to (the plan's recovery Region for a global service): the role's
     *               partition must be that Region's, since a session of one partition is not valid in another
     * @return null when the step has none
     */
    static AssumeRole read(Fields step, String region, StepContext context) {
        Fields fields = step.optionalObject(FIELD);
        if (fields == null) {
            return null;
        }
        String arn = fields.requiredMatching("roleArn", ROLE_ARN,
                "must be an IAM role ARN, arn:<partition>:iam::<12-digit account>:role/<path/><name> (a name of 1-64 letters, digits or +=,.@_-)");
        String externalId = fields.optionalMatching("externalId", EXTERNAL_ID,
                "must be 2-1224 letters, digits or +=,.@:/_- as STS accepts it");
        fields.finish();
        AssumeRole role = new AssumeRole(arn, externalId, fields.path());
        if (region != null && !context.isUnresolved(arn) && !context.isUnresolved(region)) {
            String expected = Regions.partition(region);
            if (!expected.equals(role.partition())) {
                throw new PlanValidationException(fields.child("roleArn"), "is in partition " + role.partition() + " but the step works in "
                        + region + ", partition " + expected + ": a role session is valid only in its own partition (got '" + arn + "')");
            }
        }
        return role;
    }

    /** The object as the plan writes it. */
    Map<String, Object> write() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roleArn", roleArn);
        if (externalId != null) {
            m.put("externalId", externalId);
        }
        return m;
    }

    /** The role and account without the external id, which is a shared secret of sorts and stays out of reports and messages. */
    @Override
    public String toString() {
        return "AssumeRole[" + roleArn + (externalId == null ? "" : ", with external id") + "]";
    }
}
