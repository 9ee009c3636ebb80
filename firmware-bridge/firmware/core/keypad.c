#include "keypad.h"
#include <string.h>
#include "bus_config.h"

static const uint8_t FN_CODES[KEYPOS_COUNT - KEYPOS_FIRST_FN] = {
    KEY_CALL_NEXT, KEY_RECALL, KEY_SKIP, KEY_TRANSFER, KEY_START, KEY_DONE, KEY_PAUSE,
    KEY_RATE_1, KEY_RATE_2, KEY_RATE_3, KEY_RATE_4, KEY_PARK, KEY_CALL_PARKED, KEY_RECALL_NO_SHOW};

void keypad_init(keypad_t *k) { memset(k, 0, sizeof *k); }

uint8_t keypad_code(uint8_t pos) {
    if (pos < KEYPOS_FIRST_FN || pos >= KEYPOS_COUNT) return 0;
    return FN_CODES[pos - KEYPOS_FIRST_FN];
}

static void press(keypad_t *k, uint8_t pos, uint32_t now_ms, bus_evq_t *q, display_t *d) {
    if (pos < KEYPOS_FIRST_FN) {
        if (d->entry && d->entry_digits < 2) {
            d->entry_value = (uint8_t)(d->entry_value * 10u + pos);
            d->entry_digits++;
            k->entry_ms = now_ms;
        }
        return;
    }
    uint8_t code = keypad_code(pos);
    if (code == KEY_TRANSFER) {
        if (!d->entry) {
            d->entry = true;
            d->entry_digits = 0;
            d->entry_value = 0;
            k->entry_ms = now_ms;
        } else {
            /* Second TRANSFER confirms; a target of 0 (or none typed) is no target: cancel. */
            if (d->entry_value >= 1) evq_push(q, KEY_TRANSFER, d->entry_value);
            d->entry = false;
        }
        return;
    }
    if (d->entry) {
        d->entry = false; /* any other function key cancels the entry, and only cancels */
        return;
    }
    evq_push(q, code, 0);
}

void keypad_scan(keypad_t *k, uint32_t raw, uint32_t now_ms, bus_evq_t *q, display_t *d) {
    if (d->entry && (uint32_t)(now_ms - k->entry_ms) >= BUS_TRANSFER_TIMEOUT_MS) d->entry = false;
    if (raw != k->raw_last) {
        k->raw_last = raw;
        k->since_ms = now_ms;
        return;
    }
    /* Whole-word debounce: the scan must hold still for BUS_DEBOUNCE_MS before it counts. */
    if ((uint32_t)(now_ms - k->since_ms) < BUS_DEBOUNCE_MS || raw == k->stable) return;
    uint32_t pressed = raw & ~k->stable;
    k->stable = raw;
    for (uint8_t pos = 0; pos < KEYPOS_COUNT; pos++) {
        if (pressed & ((uint32_t)1u << pos)) press(k, pos, now_ms, q, d);
    }
}
