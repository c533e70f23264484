package com.example.shapes;

import java.util.List;
import com.example.util.Strings;
import static com.example.util.Maths.clamp;

/** Hand-counted: CCN per lizard (1 + if/for/while/catch/case/&&/||/?), cognitive per SonarSource. */
public class Sample {

    // ccn 1, cognitive 0
    public Sample() {
    }

    // ccn 1 + if + else-if(if) + && = 4; cognitive: if +1, else if +1, && +1, else +1 = 4
    public int classify(int x, int y) {
        if (x > 0) {
            return 1;
        } else if (x < 0 && y < 0) {
            return -1;
        } else {
            return 0;
        }
    }

    // ccn 1 + for + if + while + ?(ternary) = 5
    // cognitive: for +1, if +2 (nesting 1), while +3 (nesting 2), ternary +1 (nesting 0) = 7
    int loops(List<String> items) {
        int n = 0;
        for (String s : items) {
            if (s.isEmpty()) {
                while (n < 3) {
                    n++;
                }
            }
        }
        return n > 2 ? n : 0;
    }

    // ccn 1 + case + case + catch + || + ?(ternary) = 6 (default not counted)
    // cognitive: try does not nest; switch +1, catch +1, ternary +2 (nesting 1 in catch), || +1 = 5
    private int handle(int code, boolean a, boolean b) {
        try {
            switch (code) {
                case 1:
                    return 10;
                case 2:
                    return 20;
                default:
                    return 0;
            }
        } catch (IllegalStateException e) {
            return a || b ? 1 : 2;
        }
    }

    // ccn 1 (the wildcard is in the parameters, before the body; lizard also reads <?> as one token); cognitive 0
    static int size(List<?> values) {
        return Strings.count(values) + clamp(values.size());
    }

    // ccn 1 + if = 2; cognitive: if +1, recursion +1 = 2
    static int fact(int n) {
        if (n <= 1) {
            return 1;
        }
        return n * fact(n - 1);
    }

    // ccn 1 + && + || + && = 4; cognitive: && +1, || +1, && +1 = 3
    boolean mixed(boolean a, boolean b, boolean c, boolean d) {
        return a && b || c && d;
    }

    // ccn 1 (lambda body belongs to the method) + if in lambda = 2; cognitive: lambda nests, if +2 = 2
    Runnable lambda(int x) {
        return () -> {
            if (x > 0) {
                System.out.println(x);
            }
        };
    }

    // labelled jump: ccn 1 + for + for + if = 4; cognitive: for +1, for +2, if +3, break label +1 = 7
    void labelled(int[][] grid) {
        outer:
        for (int[] row : grid) {
            for (int v : row) {
                if (v < 0) {
                    break outer;
                }
            }
        }
    }

    interface Shape {
        double area();
    }

    private static final class Hidden {
        public void visible() {
        }
    }
}
