#include "frame.h"
#include <string.h>
#include "crc16.h"

uint8_t bus_frame_encode(const bus_frame_t *f, uint8_t *out) {
    if (f->addr == 0 || f->addr > BUS_MAX_ADDR || f->len > BUS_MAX_PAYLOAD) return 0;
    out[0] = BUS_SOF;
    out[1] = (uint8_t)(f->addr | (f->reply ? BUS_REPLY_BIT : 0u));
    out[2] = f->type;
    out[3] = f->seq;
    out[4] = f->len;
    memcpy(&out[5], f->payload, f->len);
    uint16_t crc = bus_crc16(&out[1], (uint8_t)(4u + f->len));
    out[5 + f->len] = (uint8_t)(crc & 0xFFu);
    out[6 + f->len] = (uint8_t)(crc >> 8);
    return (uint8_t)(7u + f->len);
}

bus_dec_t bus_frame_decode(const uint8_t *buf, uint8_t n, bus_frame_t *f, uint8_t *used) {
    *used = 0;
    if (n == 0) return BUS_DEC_NEED_MORE;
    if (buf[0] != BUS_SOF) {
        uint8_t k = 1;
        while (k < n && buf[k] != BUS_SOF) k++;
        *used = k;
        return BUS_DEC_NOISE;
    }
    if (n < 2) return BUS_DEC_NEED_MORE;
    uint8_t a = buf[1] & (uint8_t)~BUS_REPLY_BIT;
    if (a == 0 || a > BUS_MAX_ADDR) { *used = 1; return BUS_DEC_BAD_ADDR; }
    if (n < BUS_HEADER_LEN) return BUS_DEC_NEED_MORE;
    uint8_t len = buf[4];
    if (len > BUS_MAX_PAYLOAD) { *used = 1; return BUS_DEC_BAD_LEN; }
    uint8_t total = (uint8_t)(BUS_HEADER_LEN + len + 2u);
    if (n < total) return BUS_DEC_NEED_MORE;
    uint16_t crc = bus_crc16(&buf[1], (uint8_t)(4u + len));
    if (buf[total - 2] != (uint8_t)(crc & 0xFFu) || buf[total - 1] != (uint8_t)(crc >> 8)) {
        *used = 1;
        return BUS_DEC_BAD_CRC;
    }
    f->addr = a;
    f->reply = (buf[1] & BUS_REPLY_BIT) != 0;
    f->type = buf[2];
    f->seq = buf[3];
    f->len = len;
    memcpy(f->payload, &buf[5], len);
    *used = total;
    return BUS_DEC_FRAME;
}

void bus_parser_reset(bus_parser_t *p) { memset(p, 0, sizeof *p); }

void bus_parser_gap(bus_parser_t *p) { p->n = 0; }

void bus_parser_push(bus_parser_t *p, uint8_t byte) {
    if (p->n == sizeof p->buf) {
        /* Cannot happen: a full buffer always decodes; pop() drains it. Defensive drop. */
        p->n = 0;
        p->noise++;
    }
    p->buf[p->n++] = byte;
}

bool bus_parser_pop(bus_parser_t *p, bus_frame_t *f) {
    for (;;) {
        uint8_t used;
        bus_dec_t r = bus_frame_decode(p->buf, p->n, f, &used);
        switch (r) {
            case BUS_DEC_NEED_MORE: return false;
            case BUS_DEC_NOISE: p->noise++; break;
            case BUS_DEC_BAD_ADDR: p->bad_addr++; break;
            case BUS_DEC_BAD_LEN: p->bad_len++; break;
            case BUS_DEC_BAD_CRC: p->bad_crc++; break;
            case BUS_DEC_FRAME: p->frames++; break;
        }
        memmove(p->buf, &p->buf[used], (size_t)(p->n - used));
        p->n = (uint8_t)(p->n - used);
        if (r == BUS_DEC_FRAME) return true;
    }
}
