// Synthetic evaluation source, hand-counted.
namespace ring {

class Ring {
public:
    // ccn 1 + for + if + catch = 4; cognitive: for +1, if +2, catch +1 = 4
    int drain(int n) {
        int got = 0;
        try {
            for (int i = 0; i < n; i++) {
                if (i % 2) {
                    got++;
                }
            }
        } catch (...) {
            return -1;
        }
        return got;
    }

private:
    int size_ = 0;
};

}  // namespace ring
