/* The board's side of the protocol, driven with real frames as the master would send them. */
#include <string.h>
#include "../core/board.h"
#include "check.h"

typedef struct { uint8_t buf[BUS_MAX_FRAME]; uint8_t n; int replies; } capture_t;

static void cap_write(void *ctx, const uint8_t *buf, uint8_t n) {
    capture_t *c = ctx;
    memcpy(c->buf, buf, n);
    c->n = n;
    c->replies++;
}

static capture_t cap;
static board_t board;

static void boot(uint8_t addr, uint16_t epoch) {
    memset(&cap, 0, sizeof cap);
    board_hal_t hal = {cap_write, NULL, NULL, &cap};
    board_init(&board, &hal, addr, epoch);
    board_tick(&board, 100, 0);
}

static void send(uint8_t addr, uint8_t type, uint8_t seq, const uint8_t *p, uint8_t len) {
    bus_frame_t f = {.addr = addr, .reply = false, .type = type, .seq = seq, .len = len};
    memcpy(f.payload, p, len);
    uint8_t out[BUS_MAX_FRAME];
    uint8_t n = bus_frame_encode(&f, out);
    for (uint8_t i = 0; i < n; i++) board_rx_byte(&board, out[i]);
}

/* Decodes the last reply; returns false if there was none. */
static bool reply(bus_frame_t *f) {
    uint8_t used;
    return cap.n > 0 && bus_frame_decode(cap.buf, cap.n, f, &used) == BUS_DEC_FRAME;
}

static void press(unsigned pos) {
    uint32_t t = board.now_ms;
    for (int i = 0; i < 30; i++) board_tick(&board, ++t, (uint32_t)1u << pos);
    for (int i = 0; i < 30; i++) board_tick(&board, ++t, 0);
}

static void poll_answers_status_with_epoch(void) {
    boot(3, 0x1234);
    uint8_t ack[3] = {0, 0, 0};
    send(3, BUS_T_POLL, 7, ack, 3);
    static const uint8_t want[] = {0xA5, 0x83, 0x81, 0x07, 0x04, 0x12, 0x34, 0x01, 0x00, 0x2C, 0x27};
    CHECK_EQ(cap.n, sizeof want);
    CHECK(memcmp(cap.buf, want, sizeof want) == 0); /* the spec's example, byte for byte */
    send(4, BUS_T_POLL, 8, ack, 3); /* another board's poll: silence */
    CHECK_EQ(cap.replies, 1);
}

static void show_sets_display_and_clears_unset(void) {
    boot(3, 0x1234);
    uint8_t p[9] = {0x12, 0x34, 0x00, 0x00, 5, 'A', '0', '2', '3'};
    send(3, BUS_T_SHOW, 9, p, 9);
    bus_frame_t f;
    CHECK(reply(&f));
    CHECK_EQ(f.payload[2], 0);
    CHECK(memcmp(board.disp.text, "A023", 4) == 0);
    CHECK_EQ(board.disp.counter, 5);
    p[5] = 'W'; /* no glyph: refused, display kept */
    send(3, BUS_T_SHOW, 10, p, 9);
    CHECK(reply(&f));
    CHECK_EQ(f.payload[2], BUS_F_REJECTED);
    CHECK(memcmp(board.disp.text, "A023", 4) == 0);
    send(3, 0x55, 11, p, 3); /* unknown type */
    CHECK(reply(&f) && f.payload[2] == BUS_F_REJECTED);
    send(3, BUS_T_POLL, 12, p, 2); /* wrong length */
    CHECK(reply(&f) && f.payload[2] == BUS_F_REJECTED);
    CHECK_EQ(board.rejected, 3);
}

static void press_survives_lost_replies_and_stale_acks(void) {
    boot(9, 0x0042);
    press(10);
    uint8_t ack[3] = {0, 0, 0};
    bus_frame_t f;
    send(9, BUS_T_POLL, 1, ack, 3);
    CHECK(reply(&f));
    CHECK_EQ(f.payload[3], 1);
    CHECK_EQ(f.payload[4], 1);
    CHECK_EQ(f.payload[5], KEY_CALL_NEXT);
    /* The master never got that reply; a poll with an old epoch's ack must not drop it. */
    uint8_t stale[3] = {0x00, 0x41, 0x01};
    send(9, BUS_T_POLL, 2, stale, 3);
    CHECK(reply(&f) && f.payload[3] == 1 && f.payload[4] == 1);
    uint8_t good[3] = {0x00, 0x42, 0x01};
    send(9, BUS_T_POLL, 3, good, 3);
    CHECK(reply(&f));
    CHECK_EQ(f.payload[3], 0);
}

static void corrupted_request_is_ignored_then_retry_works(void) {
    boot(5, 7);
    bus_frame_t fr = {.addr = 5, .type = BUS_T_POLL, .seq = 1, .len = 3};
    uint8_t out[BUS_MAX_FRAME];
    uint8_t n = bus_frame_encode(&fr, out);
    out[6] ^= 0x01;
    for (uint8_t i = 0; i < n; i++) board_rx_byte(&board, out[i]);
    CHECK_EQ(cap.replies, 0);
    CHECK_EQ(board.rx.bad_crc, 1);
    uint8_t ack[3] = {0, 0, 0};
    send(5, BUS_T_POLL, 2, ack, 3);
    CHECK_EQ(cap.replies, 1);
}

static void partial_frame_is_dropped_after_a_gap(void) {
    boot(5, 7);
    bus_frame_t fr = {.addr = 5, .type = BUS_T_POLL, .seq = 1, .len = 3};
    uint8_t out[BUS_MAX_FRAME];
    uint8_t n = bus_frame_encode(&fr, out);
    for (uint8_t i = 0; i < 4; i++) board_rx_byte(&board, out[i]); /* cable pulled mid-frame */
    board_tick(&board, board.now_ms + 50, 0);
    for (uint8_t i = 0; i < n; i++) board_rx_byte(&board, out[i]);
    CHECK_EQ(cap.replies, 1);
}

/* nanopb style: the link breaks after every possible byte of a request; the board must never
 * answer a broken request and must answer the next whole one exactly once. */
static void link_breaking_after_every_byte(void) {
    bus_frame_t fr = {.addr = 6, .type = BUS_T_SHOW, .seq = 1, .len = 9,
                      .payload = {0, 0, 0, 0, 12, 'A', '1', '2', '3'}};
    uint8_t out[BUS_MAX_FRAME];
    uint8_t n = bus_frame_encode(&fr, out);
    for (uint8_t cut = 0; cut < n; cut++) {
        boot(6, 9);
        for (uint8_t i = 0; i < cut; i++) board_rx_byte(&board, out[i]);
        CHECK_EQ(cap.replies, 0);
        board_tick(&board, board.now_ms + 10, 0);
        for (uint8_t i = 0; i < n; i++) board_rx_byte(&board, out[i]);
        CHECK_EQ(cap.replies, 1);
        CHECK(memcmp(board.disp.text, "A123", 4) == 0);
    }
}

static void status_carries_at_most_four_events(void) {
    boot(1, 1);
    for (unsigned i = 0; i < 6; i++) press(14);
    uint8_t ack[3] = {0, 1, 0};
    bus_frame_t f;
    send(1, BUS_T_POLL, 1, ack, 3);
    CHECK(reply(&f) && f.payload[3] == 4 && f.len == 16);
    ack[2] = 4;
    send(1, BUS_T_POLL, 2, ack, 3);
    CHECK(reply(&f) && f.payload[3] == 2 && f.payload[4] == 5);
}

/* The new keys of protocol 1.1 travel in STATUS like the old ones: the shared vector
 * status-park-callparked-recallnoshow-v1.1, byte for byte. */
static void status_carries_the_new_keys(void) {
    boot(3, 0x1234);
    uint8_t show[9] = {0x12, 0x34, 0, 0x00, 5, 'A', '0', '2', '3'};
    send(3, BUS_T_SHOW, 1, show, 9); /* the display is set: flags 00 */
    press(14); press(15);             /* START, DONE: events 1 and 2 */
    uint8_t ack[3] = {0x12, 0x34, 0};
    send(3, BUS_T_POLL, 2, ack, 3);
    ack[2] = 2;
    press(21); press(22); press(23);  /* PARK, CALL_PARKED, RECALL_NO_SHOW: events 3, 4, 5 */
    send(3, BUS_T_POLL, 0x0C, ack, 3);
    static const uint8_t want[] = {0xA5, 0x83, 0x81, 0x0C, 0x0D, 0x12, 0x34, 0x00, 0x03, 0x03, 0x08, 0x00,
                                   0x04, 0x09, 0x00, 0x05, 0x0A, 0x00, 0xE7, 0xB0};
    CHECK_EQ(cap.n, sizeof want);
    CHECK(memcmp(cap.buf, want, sizeof want) == 0);
}

void test_board(void) {
    poll_answers_status_with_epoch();
    show_sets_display_and_clears_unset();
    press_survives_lost_replies_and_stale_acks();
    corrupted_request_is_ignored_then_retry_works();
    partial_frame_is_dropped_after_a_gap();
    status_carries_at_most_four_events();
    link_breaking_after_every_byte();
    status_carries_the_new_keys();
}
