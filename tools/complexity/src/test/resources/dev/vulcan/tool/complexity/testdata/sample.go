// Hand-counted: CCN per lizard (1 + if/for/case/&&/||), cognitive per SonarSource.
package shapes

import (
	"fmt"
	str "strings"
)

// Point is exported.
type Point struct{ X, Y int }

type shape interface{ Area() int }

// ccn 1 + if + if(else if) + && = 4; cognitive: if +1, else if +1, && +1, else +1 = 4
func Quadrant(x, y int) int {
	if x > 0 && y > 0 {
		return 1
	} else if x < 0 {
		return 2
	} else {
		return 3
	}
}

// ccn 1 + for + case + case = 4 (default not counted); cognitive: for +1, switch +2 = 3
func (p *Point) Walk(steps []string) {
	for _, s := range steps {
		switch s {
		case "up":
			p.Y++
		case "down":
			p.Y--
		default:
			fmt.Println(str.ToUpper(s))
		}
	}
}

// ccn 1 + || = 2; cognitive: || +1 = 1
func helper(a, b bool) bool {
	return a || b
}
