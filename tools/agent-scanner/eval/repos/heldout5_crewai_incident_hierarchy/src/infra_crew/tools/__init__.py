from .s3 import delete_s3_objects, list_s3_objects
from .shell import run_shell

__all__ = ["delete_s3_objects", "list_s3_objects", "run_shell"]
