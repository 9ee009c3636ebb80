#include "board.h"
#include <string.h>

void board_init(board_t *b, const board_hal_t *hal, uint8_t addr, uint16_t epoch) {
    memset(b, 0, sizeof *b);
    b->hal = *hal;
    b->addr = addr;
    b->epoch = epoch;
    bus_parser_reset(&b->rx);
    evq_init(&b->evq);
    keypad_init(&b->keys);
    display_init(&b->disp);
}

static void apply_ack(board_t *b, const uint8_t *p) {
    uint16_t epoch = (uint16_t)((p[0] << 8) | p[1]);
    if (epoch == b->epoch) evq_ack(&b->evq, p[2]);
}

static void reply_status(board_t *b, uint8_t seq, uint8_t extra_flags) {
    bus_frame_t f;
    bus_event_t ev[BUS_EVENTS_PER_STATUS];
    uint8_t n = evq_peek(&b->evq, ev, BUS_EVENTS_PER_STATUS);
    f.addr = b->addr;
    f.reply = true;
    f.type = BUS_T_STATUS;
    f.seq = seq;
    f.payload[0] = (uint8_t)(b->epoch >> 8);
    f.payload[1] = (uint8_t)(b->epoch & 0xFFu);
    f.payload[2] = (uint8_t)(extra_flags | (b->disp.set ? 0u : BUS_F_DISPLAY_UNSET) |
                             (b->evq.overflow ? BUS_F_OVERFLOW : 0u));
    f.payload[3] = n;
    for (uint8_t i = 0; i < n; i++) {
        f.payload[4 + 3 * i] = ev[i].seq;
        f.payload[5 + 3 * i] = ev[i].key;
        f.payload[6 + 3 * i] = ev[i].arg;
    }
    f.len = (uint8_t)(4u + 3u * n);
    uint8_t out[BUS_MAX_FRAME];
    uint8_t len = bus_frame_encode(&f, out);
    b->hal.uart_write(b->hal.ctx, out, len);
}

static void handle(board_t *b, const bus_frame_t *f) {
    uint8_t flags = 0;
    bool shown = false;
    if (f->type == BUS_T_POLL && f->len == 3) {
        apply_ack(b, f->payload);
    } else if (f->type == BUS_T_CLEAR && f->len == 3) {
        apply_ack(b, f->payload);
        display_clear(&b->disp);
        shown = true;
    } else if (f->type == BUS_T_SHOW && f->len == 9) {
        /* Ack first: it is valid even if the display part is refused. */
        apply_ack(b, f->payload);
        if (f->payload[3] & (uint8_t)~1u ||
            !display_show(&b->disp, (const char *)&f->payload[5], f->payload[4],
                          (f->payload[3] & 1u) != 0)) {
            flags = BUS_F_REJECTED;
        } else {
            shown = true;
        }
    } else {
        flags = BUS_F_REJECTED;
    }
    if (flags) b->rejected++;
    if (shown && b->hal.on_display) b->hal.on_display(b->hal.ctx, &b->disp);
    reply_status(b, f->seq, flags);
}

void board_rx_byte(board_t *b, uint8_t byte) {
    if ((uint32_t)(b->now_ms - b->last_rx_ms) > BUS_RX_GAP_MS) bus_parser_gap(&b->rx);
    b->last_rx_ms = b->now_ms;
    bus_parser_push(&b->rx, byte);
    bus_frame_t f;
    while (bus_parser_pop(&b->rx, &f)) {
        if (!f.reply && f.addr == b->addr) handle(b, &f);
    }
}

void board_tick(board_t *b, uint32_t now_ms, uint32_t raw_keys) {
    b->now_ms = now_ms;
    uint8_t before = b->evq.count;
    uint8_t next = b->evq.next_seq;
    keypad_scan(&b->keys, raw_keys, now_ms, &b->evq, &b->disp);
    if (b->hal.on_event && b->evq.count != before) {
        /* Report what was queued in this scan (usually one event). */
        for (uint8_t s = next; s != b->evq.next_seq; s++) {
            for (uint8_t i = 0; i < b->evq.count; i++) {
                const bus_event_t *e = &b->evq.q[(uint8_t)(b->evq.head + i) % BUS_EVQ_DEPTH];
                if (e->seq == s) b->hal.on_event(b->hal.ctx, e);
            }
        }
    }
}
