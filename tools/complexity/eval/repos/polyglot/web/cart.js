// Cart helpers (synthetic evaluation source, hand-counted).
import { price as lookupPrice } from './catalog.js';

// ccn 1 + for + if + || + ? = 5; cognitive: for +1, if +2, || +1, ternary +1 = 5
export function cartTotal(items, coupon) {
  let total = 0;
  for (const item of items) {
    if (item.qty <= 0 || item.removed) {
      continue;
    }
    total += lookupPrice(item.sku) * item.qty;
  }
  return coupon ? total * 0.9 : total;
}

// ccn 1 + case + case + case = 4; cognitive: switch +1 = 1
const shippingCost = (zone) => {
  switch (zone) {
    case 'local':
      return 0;
    case 'national':
      return 5;
    case 'world':
      return 20;
    default:
      return 50;
  }
};

export class Cart {
  // ccn 1 + if + && = 3; cognitive: if +1, && +1 = 2
  add(item) {
    if (item && item.sku) {
      this.items.push(item);
    }
    return cartTotal(this.items, null) + shippingCost('local');
  }
}
