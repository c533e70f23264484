// Package server serves requests.
package server

import "fmt"

/*
Usage text is kept in a raw string below.
*/
const usage = `
// this is not a comment
/* nor this */
`

func Handle(n int) string {
	if n > 0 && n < 10 { // small
		return fmt.Sprintf("small: %d // not a comment", n)
	} else if n >= 10 || n < -10 {
		return "big"
	}
	switch n {
	case 0:
		return "zero"
	}
	return usage
}
