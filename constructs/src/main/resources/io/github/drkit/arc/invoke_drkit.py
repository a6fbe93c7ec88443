# Runs drkit's failover or failback for an ARC Region switch custom-action step.
# ARC invokes this function with its execution metadata (InvokedBy, PlanArn, ExecutionId, StepName); drkit's
# function takes {"action": ...} and refuses any other field, so this function translates one into the other.
import json
import os

import boto3
from botocore.config import Config

ACTIONS = json.loads(os.environ["DRKIT_ARC_STEPS"])
FUNCTION = os.environ["DRKIT_FUNCTION"]
# drkit's function runs up to its own timeout; the read timeout must outlast it, and a retry is ARC's decision.
LAMBDA = boto3.client("lambda", config=Config(read_timeout=900, connect_timeout=10, retries={"total_max_attempts": 1}))
DONE = ("SUCCEEDED", "ALREADY_DONE")


def handler(event, context):
    step = event.get("StepName") if isinstance(event, dict) else None
    action = ACTIONS.get(step)
    if action is None:
        raise ValueError("StepName: must be one of %s (got %r): this function runs only the drkit steps of its plan"
                         % (sorted(ACTIONS), step))
    # Leave drkit's run time for its report before this invocation's own end.
    deadline = max(1, context.get_remaining_time_in_millis() // 1000 - 30)
    request = {"action": action, "deadlineSeconds": deadline}
    print(json.dumps({"event": "start", "step": step, "request": request,
                      "plan": event.get("PlanArn"), "execution": event.get("ExecutionId")}))
    response = LAMBDA.invoke(FunctionName=FUNCTION, Payload=json.dumps(request).encode("utf-8"))
    body = response["Payload"].read().decode("utf-8")
    if response.get("FunctionError"):
        raise RuntimeError("drkit %s failed before a report: %s" % (action, body[:4000]))
    report = json.loads(body)
    outcome = report.get("outcome")
    print(json.dumps({"event": "end", "step": step, "outcome": outcome, "message": report.get("message")}))
    if outcome not in DONE:
        raise RuntimeError("drkit %s ended %s: %s; not done: %s"
                           % (action, outcome, report.get("message"), json.dumps(report.get("notDone"))[:3000]))
    return {"step": step, "action": action, "outcome": outcome, "message": report.get("message")}
