/*
 * Keypad: debounces the raw matrix scan and turns presses into key events, composing
 * TRANSFER + digits + TRANSFER into one event (counter-bus.md §4).
 *
 * Raw key positions (bits of the scan word), wired as in hardware-docs/counter-board.md:
 *   0..9 digits, 10 CALL_NEXT, 11 RECALL, 12 SKIP, 13 TRANSFER, 14 START, 15 DONE, 16 PAUSE,
 *   17..20 RATE_1..RATE_4 (the resident-facing rating buttons), 21 PARK, 22 CALL_PARKED,
 *   23 RECALL_NO_SHOW (the three positions that were spare in row 3).
 */
#ifndef BUS_KEYPAD_H
#define BUS_KEYPAD_H
#include <stdbool.h>
#include <stdint.h>
#include "display.h"
#include "evq.h"

#define KEYPOS_DIGIT0   0u
#define KEYPOS_FIRST_FN 10u
#define KEYPOS_COUNT    24u

typedef struct {
    uint32_t raw_last;     /* last scan */
    uint32_t stable;       /* debounced state */
    uint32_t since_ms;     /* when raw last changed */
    uint32_t entry_ms;     /* when the transfer entry last saw a key */
} keypad_t;

void keypad_init(keypad_t *k);
/* Wire key code of a function position, 0 for digits / unknown. */
uint8_t keypad_code(uint8_t pos);
/* Feeds one scan (every 1 ms or so). New presses go to q; entry state lives in d. */
void keypad_scan(keypad_t *k, uint32_t raw, uint32_t now_ms, bus_evq_t *q, display_t *d);

#endif
