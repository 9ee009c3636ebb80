/* A plain C test harness: each CHECK counts as one assertion; the runner prints the summary. */
#ifndef CHECK_H
#define CHECK_H
#include <stdio.h>

extern int check_passed, check_failed;

#define CHECK(cond) do { \
    if (cond) { check_passed++; } \
    else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)
#define CHECK_EQ(a, b) do { \
    long long va_ = (long long)(a), vb_ = (long long)(b); \
    if (va_ == vb_) { check_passed++; } \
    else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s == %s (%lld != %lld)\n", \
                                   __FILE__, __LINE__, #a, #b, va_, vb_); } \
} while (0)

void test_core(void);
void test_keypad(void);
void test_board(void);
int test_vectors(const char *path);

#endif
