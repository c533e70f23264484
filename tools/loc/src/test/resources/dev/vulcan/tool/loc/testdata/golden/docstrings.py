#!/usr/bin/env python3
"""Module docstring.

More text.
"""
import os  # comment

def f(x):
    '''Function docstring.'''
    s = """not a docstring
    # still a string
    """
    # a comment
    if x and s:
        return (
            """in brackets: a string"""
        )
    return 0
