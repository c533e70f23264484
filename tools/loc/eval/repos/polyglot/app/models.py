"""Models of the app.

Two paragraphs of module docstring.
"""

QUERY = """
SELECT * FROM t  -- a string, not a docstring
"""


class User:
    '''A user.'''

    def name(self):
        # the display name
        return "# not a comment"  # but this is

    def ok(self, x):
        if x and not self.name():
            return False
        elif x or True:
            return True
        return None
