// Hand-counted: CCN per lizard (1 + if/for/while/catch/case/&&/||/ternary ?), cognitive per SonarSource.
import { parse as parseIt } from './parser';
import * as util from 'util';

// ccn 1 + if + if(else if) + || = 4; cognitive: if +1, else if +1, || +1, else +1 = 4
export function route(path, method) {
  if (path === '/') {
    return 'home';
  } else if (path === '/a' || method === 'GET') {
    return 'a';
  } else {
    return parseIt(path);
  }
}

// ccn 1 + for + case + case + ? = 5; cognitive: for +1, switch +2, ternary +1 = 4
const count = (items) => {
  let n = 0;
  for (const item of items) {
    switch (item) {
      case 'a':
        n += 1;
        break;
      case 'b':
        n += 2;
        break;
      default:
        break;
    }
  }
  return n > 10 ? 10 : n;
};

class Store {
  // ccn 1 + catch + ?? (not counted by lizard) = 2; cognitive: catch +1, ?? +1 = 2
  load(key) {
    try {
      return util.format(key ?? 'default');
    } catch (e) {
      return null;
    }
  }

  #secret() {
    return 1;
  }
}

// ccn 1 + while + && = 3; cognitive: while +1, && +1 = 2
function drain(queue, limit) {
  while (queue.length && limit--) {
    queue.shift();
  }
  return route('/', 'GET');
}
