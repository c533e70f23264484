package x

func Y() {}
