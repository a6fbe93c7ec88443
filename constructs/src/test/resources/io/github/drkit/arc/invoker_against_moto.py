# Runs the ARC step invoker (index.py beside this file) against moto_server's Lambda API: the invoker calls drkit's
# function through its alias ARN, and moto answers with the reports queued below, as drkit's function would.
import io
import json
import os
import sys
import urllib.request
import zipfile

from moto.moto_server.threaded_moto_server import ThreadedMotoServer

server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
host, port = server.get_host_and_port()
endpoint = "http://%s:%d" % (host, port)
os.environ.update({"AWS_ENDPOINT_URL": endpoint, "AWS_DEFAULT_REGION": "us-west-2",
                   "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                   "DRKIT_ARC_STEPS": json.dumps({"drkit-failover": "failover", "drkit-failback": "failback"}),
                   "DRKIT_FUNCTION": "arn:aws:lambda:us-west-2:123456789012:function:drkit-shop:live"})


def post(path, body):
    request = urllib.request.Request(endpoint + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request).read()


import boto3  # noqa: E402

post("/moto-api/config", {"lambda": {"use_docker": False}})
iam = boto3.client("iam")
role = iam.create_role(RoleName="drkit", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
code = io.BytesIO()
with zipfile.ZipFile(code, "w") as z:
    z.writestr("handler.py", "def handler(event, context):\n    return event\n")
lam = boto3.client("lambda")
lam.create_function(FunctionName="drkit-shop", Runtime="java21", Role=role, Handler="handler.handler",
                    Code={"ZipFile": code.getvalue()})
version = lam.publish_version(FunctionName="drkit-shop")["Version"]
lam.create_alias(FunctionName="drkit-shop", Name="live", FunctionVersion=version)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import index  # noqa: E402


class Context:
    def get_remaining_time_in_millis(self):
        return 780000


results = []
post("/moto-api/static/lambda-simple/response", {"region": "us-west-2", "results": [
    json.dumps({"action": "FAILOVER", "outcome": "SUCCEEDED", "message": "failed over to us-west-2", "notDone": []}),
    json.dumps({"action": "FAILBACK", "outcome": "FAILED", "message": "stopped at the deadline",
                "notDone": ["stages[1].steps[0] scale shop-app back to standby"]})]})
results.append(index.handler({"StepName": "drkit-failover", "ExecutionId": "e-1"}, Context()))
try:
    index.handler({"StepName": "drkit-failback", "ExecutionId": "e-2"}, Context())
    results.append("NO ERROR")
except RuntimeError as e:
    results.append(str(e))
server.stop()
print("RESULT " + json.dumps(results))
