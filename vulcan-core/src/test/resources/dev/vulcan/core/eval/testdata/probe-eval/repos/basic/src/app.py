def alpha(x):
    return x

def beta():
    pass
