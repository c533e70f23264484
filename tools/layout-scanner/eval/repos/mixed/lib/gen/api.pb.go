package gen

var X = 1
