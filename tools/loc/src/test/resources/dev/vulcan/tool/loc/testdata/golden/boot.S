#include <asm.h>
/* block */
	mov r0, r1	@ arm comment
@ full comment
; another
	// line
label:
