def ok(a):
    if a:
        return 1
    return 0


def broken(:
    return )))


def after(b):
    while b:
        b -= 1
    return b
