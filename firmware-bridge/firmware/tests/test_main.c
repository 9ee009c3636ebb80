/* Host unit tests of the board core. Usage: test_core <path to vectors/frames.txt> */
#include "check.h"

int check_passed, check_failed;

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s vectors/frames.txt\n", argv[0]);
        return 2;
    }
    test_core();
    test_keypad();
    test_board();
    int vectors = test_vectors(argv[1]);
    if (vectors <= 0) { check_failed++; fprintf(stderr, "FAIL no vectors read from %s\n", argv[1]); }
    printf("%d passed, %d failed (%d shared vectors)\n", check_passed, check_failed, vectors);
    return check_failed == 0 ? 0 : 1;
}
