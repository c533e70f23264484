package org.acme.orders;

import java.util.List;
import org.acme.tax.TaxTable;

public class OrderService {
    private final TaxTable taxes;

    public OrderService(TaxTable taxes) {
        this.taxes = taxes;
    }

    // ccn 1 + for + if + && + case + case + ? = 7
    // cognitive: for +1, if +2, && +1, switch +2, ternary +1 = 7
    public double total(List<Order> orders, String region) {
        double sum = 0;
        for (Order o : orders) {
            if (o.isPaid() && o.amount() > 0) {
                sum += o.amount();
            }
            switch (o.kind()) {
                case "gift":
                    sum -= 1;
                    break;
                case "rush":
                    sum += 5;
                    break;
                default:
                    break;
            }
        }
        return region == null ? sum : sum + taxes.rate(region);
    }

    // ccn 1 + while + catch = 3; cognitive: while +1, catch +1 = 2
    int retry(Runnable action, int attempts) {
        int done = 0;
        while (done < attempts) {
            done++;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            return -1;
        }
        return done;
    }

    // ccn 1 + if + if + if + || = 5
    // cognitive: if +1, else if +1, || +1, else +1, nested if +2 = 6
    private static String label(int code, boolean urgent) {
        if (code == 0) {
            return "none";
        } else if (code < 0 || urgent) {
            return "bad";
        } else {
            if (code > 100) {
                return "big";
            }
            return "ok";
        }
    }

    public interface Order {
        boolean isPaid();

        double amount();

        String kind();
    }
}
