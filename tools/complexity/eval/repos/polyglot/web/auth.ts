// Auth helpers (synthetic evaluation source, hand-counted).
export type Role = 'admin' | 'user';

// ccn 1 + if + if + && + catch = 5
// cognitive: try 0, if +1, else if +1, && +1, catch +1 = 4
export function canEdit(role?: Role, owner?: string, user?: string): boolean {
  try {
    if (role === 'admin') {
      return true;
    } else if (owner !== undefined && owner === user) {
      return true;
    }
  } catch (e) {
    return false;
  }
  return false;
}

class Session {
  // ccn 1 + while + ? = 3; cognitive: while +1, ternary +2 = 3
  private refresh(tries: number): number {
    let left = tries;
    while (left > 0) {
      left = left > 5 ? left - 2 : left - 1;
    }
    return left;
  }
}
