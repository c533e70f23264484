"""A small math library with no agents."""

from .ops import add, mean

__all__ = ["add", "mean"]
