// Package svc is a synthetic evaluation source, hand-counted.
package svc

import (
	"errors"
	"strings"
)

// ccn 1 + if + || + for + if + case + case = 7
// cognitive: if +1, || +1, for +1, if +2, switch +1 = 6
func Route(path string, methods []string) (string, error) {
	if path == "" || path == "/" {
		return "root", nil
	}
	for _, m := range methods {
		if strings.EqualFold(m, "TRACE") {
			return "", errors.New("trace")
		}
	}
	switch {
	case strings.HasPrefix(path, "/api"):
		return "api", nil
	case strings.HasPrefix(path, "/static"):
		return "static", nil
	}
	return "page", nil
}

type handler struct{ name string }

// ccn 1 + && = 2; cognitive: && +1 = 1
func (h *handler) ready(ok bool) bool {
	return ok && h.name != ""
}
