import os

import boto3
from crewai.tools import tool

BUCKET = os.environ.get("ARTIFACT_BUCKET", "acme-build-artifacts")
s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))


@tool("S3 Bucket Lister")
def list_s3_objects(prefix: str) -> str:
    """List the objects under a prefix of the artifact bucket with their size and age."""
    response = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix, MaxKeys=500)
    lines = [
        f"{obj['Key']}\t{obj['Size']}\t{obj['LastModified'].isoformat()}"
        for obj in response.get("Contents", [])
    ]
    return "\n".join(lines) or "no objects"


@tool("S3 Object Deleter")
def delete_s3_objects(keys: list[str]) -> str:
    """Delete the given object keys from the artifact bucket."""
    if not keys:
        return "nothing to delete"
    response = s3.delete_objects(
        Bucket=BUCKET,
        Delete={"Objects": [{"Key": key} for key in keys], "Quiet": True},
    )
    errors = response.get("Errors", [])
    return f"deleted {len(keys) - len(errors)} objects, {len(errors)} errors"
