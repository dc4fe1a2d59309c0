"""Prints template.yaml as CloudFormation would see it after the SAM transform (AWS SAM's own
translator, the one `sam deploy` uses), so tests can check the stack that would really be created.

Usage: python3 sam_transform.py TEMPLATE  (region from AWS_DEFAULT_REGION)
"""
import json
import sys

from samtranslator.public.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """Managed policies are named by ARN in the template; nothing needs looking up."""

    def load(self):
        return {}


def main(path):
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    # What `sam package` does before the transform: the code moves to S3.
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource.setdefault("Properties", {})["CodeUri"] = "s3://artifacts/functions.zip"
    function_globals = template.get("Globals", {}).get("Function", {})
    if "CodeUri" in function_globals:
        function_globals["CodeUri"] = "s3://artifacts/functions.zip"
    try:
        stack = transform(template, {}, NoManagedPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print("SAM transform error: " + cause.message, file=sys.stderr)
        return 1
    json.dump(stack, sys.stdout, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
