/* CRC, key queue, display and keypad, each on its own. */
#include <string.h>
#include "../core/bus_config.h"
#include "../core/crc16.h"
#include "../core/display.h"
#include "../core/evq.h"
#include "../core/keypad.h"
#include "check.h"

static void crc_check_value(void) {
    CHECK_EQ(bus_crc16((const uint8_t *)"123456789", 9), 0x4B37);
}

static void queue_keeps_events_until_acked(void) {
    bus_evq_t q;
    evq_init(&q);
    CHECK(evq_push(&q, KEY_CALL_NEXT, 0));
    CHECK(evq_push(&q, KEY_DONE, 0));
    bus_event_t ev[4];
    /* An ack for an event never sent is ignored: a stale ack cannot eat a press. */
    CHECK_EQ(evq_ack(&q, 1), 0);
    CHECK_EQ(evq_peek(&q, ev, 4), 2);
    CHECK_EQ(ev[0].seq, 1);
    CHECK_EQ(ev[1].seq, 2);
    CHECK_EQ(ev[1].key, KEY_DONE);
    /* Reply lost: the same events go out again. */
    CHECK_EQ(evq_peek(&q, ev, 4), 2);
    CHECK_EQ(evq_ack(&q, 1), 1);
    CHECK_EQ(q.count, 1);
    CHECK_EQ(evq_ack(&q, 1), 0); /* repeated ack: nothing more */
    CHECK_EQ(evq_ack(&q, 2), 1);
    CHECK_EQ(q.count, 0);
}

static void queue_overflow_is_flagged_and_keeps_oldest(void) {
    bus_evq_t q;
    evq_init(&q);
    for (unsigned i = 0; i < BUS_EVQ_DEPTH; i++) CHECK(evq_push(&q, KEY_RECALL, 0));
    CHECK(!evq_push(&q, KEY_SKIP, 0));
    CHECK_EQ(q.overflow, 1);
    bus_event_t ev[4];
    evq_peek(&q, ev, 4);
    CHECK_EQ(ev[0].seq, 1);
    CHECK_EQ(q.overflow, 2);
    CHECK_EQ(evq_ack(&q, 4), 4);
    CHECK_EQ(q.overflow, 0);
}

static void queue_sequence_wraps(void) {
    bus_evq_t q;
    evq_init(&q);
    bus_event_t ev[4];
    for (int i = 0; i < 300; i++) {
        CHECK(evq_push(&q, KEY_START, 0));
        CHECK_EQ(evq_peek(&q, ev, 4), 1);
        CHECK_EQ(evq_ack(&q, ev[0].seq), 1);
    }
    CHECK_EQ(q.next_seq, (uint8_t)301);
}

static void glyphs_match_the_spec(void) {
    uint8_t s = 0xAA;
    CHECK(glyph_for('A', &s) && s == 0x77);
    CHECK(glyph_for('b', &s) && s == 0x7C);
    CHECK(glyph_for('B', &s) && s == 0x7C);
    CHECK(glyph_for('8', &s) && s == 0x7F);
    CHECK(glyph_for(' ', &s) && s == 0x00);
    CHECK(!glyph_for('M', &s));
    CHECK(!glyph_for('\0', &s));
    CHECK(!glyph_for((char)0xA5, &s));
}

static void display_renders_and_blinks(void) {
    display_t d;
    display_init(&d);
    CHECK(!d.set);
    CHECK(display_show(&d, "A023", 5, true));
    uint8_t seg[DISPLAY_DIGITS];
    display_render(&d, 0, seg);
    uint8_t want[DISPLAY_DIGITS] = {0x77, 0x3F, 0x5B, 0x4F, 0x00, 0x6D};
    CHECK(memcmp(seg, want, sizeof want) == 0);
    display_render(&d, BUS_BLINK_HALF_MS, seg);
    CHECK_EQ(seg[0], 0);
    CHECK_EQ(seg[5], 0x6D); /* the counter number never blinks */
    CHECK(!display_show(&d, "AM23", 5, false));
    CHECK(!display_show(&d, "A023", 100, false));
    CHECK(memcmp(d.text, "A023", 4) == 0); /* refused: unchanged */
    display_clear(&d);
    display_render(&d, 0, seg);
    CHECK_EQ(seg[0] | seg[1] | seg[2] | seg[3] | seg[4] | seg[5], 0);
}

static uint32_t bit(unsigned pos) { return (uint32_t)1u << pos; }

/* Holds raw for ms milliseconds, one scan per ms. */
static void hold(keypad_t *k, uint32_t raw, uint32_t *now, uint32_t ms, bus_evq_t *q, display_t *d) {
    for (uint32_t i = 0; i < ms; i++) keypad_scan(k, raw, (*now)++, q, d);
}

static void keypad_debounces(void) {
    keypad_t k; bus_evq_t q; display_t d; uint32_t now = 1000;
    keypad_init(&k); evq_init(&q); display_init(&d);
    /* Contact bounce: toggling every 3 ms gives nothing. */
    for (int i = 0; i < 10; i++) hold(&k, (i & 1) ? bit(10) : 0, &now, 3, &q, &d);
    CHECK_EQ(q.count, 0);
    hold(&k, bit(10), &now, BUS_DEBOUNCE_MS + 2, &q, &d);
    CHECK_EQ(q.count, 1);
    CHECK_EQ(q.q[0].key, KEY_CALL_NEXT);
    hold(&k, bit(10), &now, 500, &q, &d); /* held down: still one press */
    CHECK_EQ(q.count, 1);
    hold(&k, 0, &now, 30, &q, &d);
    hold(&k, bit(20), &now, 30, &q, &d);
    CHECK_EQ(q.count, 2);
    CHECK_EQ(q.q[1].key, KEY_RATE_4);
}

static void keypad_composes_transfer(void) {
    keypad_t k; bus_evq_t q; display_t d; uint32_t now = 5;
    keypad_init(&k); evq_init(&q); display_init(&d);
    uint32_t seq[] = {bit(13), bit(1), bit(2), bit(13)}; /* TRANSFER 1 2 TRANSFER */
    for (int i = 0; i < 4; i++) { hold(&k, seq[i], &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d); }
    CHECK_EQ(q.count, 1);
    CHECK_EQ(q.q[0].key, KEY_TRANSFER);
    CHECK_EQ(q.q[0].arg, 12);
    CHECK(!d.entry);
    /* Cancelled by another function key, which is not sent either. */
    hold(&k, bit(13), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d);
    CHECK(d.entry);
    hold(&k, bit(16), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d);
    CHECK(!d.entry);
    CHECK_EQ(q.count, 1);
    /* Times out. */
    hold(&k, bit(13), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d);
    hold(&k, bit(7), &now, 30, &q, &d);
    hold(&k, 0, &now, BUS_TRANSFER_TIMEOUT_MS + 10, &q, &d);
    CHECK(!d.entry);
    CHECK_EQ(q.count, 1);
    /* Digits outside an entry do nothing. */
    hold(&k, bit(4), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d);
    CHECK_EQ(q.count, 1);
}

/* Park, call parked and recall no-show (protocol 1.1) sit on the three positions that were spare
 * in row 3; each is one press, one event, with no argument. */
static void keypad_sends_park_and_the_call_backs(void) {
    keypad_t k; bus_evq_t q; display_t d; uint32_t now = 100;
    keypad_init(&k); evq_init(&q); display_init(&d);
    CHECK_EQ(keypad_code(21), KEY_PARK);
    CHECK_EQ(keypad_code(22), KEY_CALL_PARKED);
    CHECK_EQ(keypad_code(23), KEY_RECALL_NO_SHOW);
    CHECK_EQ(keypad_code(24), 0); /* no such position */
    for (unsigned pos = 21; pos <= 23; pos++) { hold(&k, bit(pos), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d); }
    CHECK_EQ(q.count, 3);
    CHECK_EQ(q.q[0].key, KEY_PARK);
    CHECK_EQ(q.q[1].key, KEY_CALL_PARKED);
    CHECK_EQ(q.q[2].key, KEY_RECALL_NO_SHOW);
    CHECK_EQ(q.q[0].arg | q.q[1].arg | q.q[2].arg, 0);
    /* Like any function key, PARK during a transfer entry only cancels the entry. */
    hold(&k, bit(13), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d);
    hold(&k, bit(4), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d);
    CHECK(d.entry);
    hold(&k, bit(21), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d);
    CHECK(!d.entry);
    CHECK_EQ(q.count, 3);
    /* The top key of the matrix (row 3, column 5) is scanned like any other. */
    hold(&k, bit(23) | bit(22), &now, 30, &q, &d); hold(&k, 0, &now, 30, &q, &d);
    CHECK_EQ(q.count, 5);
    CHECK_EQ(q.q[3].key, KEY_CALL_PARKED);
    CHECK_EQ(q.q[4].key, KEY_RECALL_NO_SHOW);
}

void test_core(void) {
    crc_check_value();
    queue_keeps_events_until_acked();
    queue_overflow_is_flagged_and_keeps_oldest();
    queue_sequence_wraps();
    glyphs_match_the_spec();
    display_renders_and_blinks();
}

void test_keypad(void) {
    keypad_debounces();
    keypad_composes_transfer();
    keypad_sends_park_and_the_call_backs();
}
