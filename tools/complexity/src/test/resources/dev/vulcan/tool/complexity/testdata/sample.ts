// Hand-counted: CCN per lizard, cognitive per SonarSource. Optional '?' markers are not conditions.
export interface Shape {
  area(): number;
}

// ccn 1 + if + && + ? = 4; cognitive: if +1, && +1, ternary +2 (nesting 1) = 4
export function pick(a?: number, b: string = 'x'): string {
  if (a !== undefined && a > 0) {
    return a > 5 ? b : 'small';
  }
  return b;
}

export class Circle implements Shape {
  constructor(private readonly r: number) {}

  // ccn 1 + for + if = 3; cognitive: for +1, if +2 = 3
  area(): number {
    let total = 0;
    for (let i = 0; i < 3; i++) {
      if (i % 2 === 0) {
        total += this.r;
      }
    }
    return total;
  }

  private hidden(): void {}
}

function helper(): number {
  return pick(1);
}
