/*
 * Frame encoder and decoder (hardware-docs/counter-bus.md §2). Pure functions over bytes; the
 * streaming parser keeps one frame's worth of bytes and never allocates.
 */
#ifndef BUS_FRAME_H
#define BUS_FRAME_H
#include <stdbool.h>
#include <stdint.h>
#include "bus_config.h"

typedef struct {
    uint8_t addr;      /* 1..32 */
    bool reply;        /* true: board -> master */
    uint8_t type;
    uint8_t seq;
    uint8_t len;
    uint8_t payload[BUS_MAX_PAYLOAD];
} bus_frame_t;

typedef enum {
    BUS_DEC_NEED_MORE = 0, /* buffer holds a valid prefix (or nothing) */
    BUS_DEC_FRAME,         /* a frame; *used bytes consumed */
    BUS_DEC_NOISE,         /* *used bytes before the next SOF dropped */
    BUS_DEC_BAD_ADDR,      /* SOF dropped (1 byte) */
    BUS_DEC_BAD_LEN,       /* SOF dropped (1 byte) */
    BUS_DEC_BAD_CRC        /* SOF dropped (1 byte) */
} bus_dec_t;

/* Encodes f into out (BUS_MAX_FRAME bytes); returns the frame length, 0 if f is invalid. */
uint8_t bus_frame_encode(const bus_frame_t *f, uint8_t *out);

/* Looks at the start of buf: one step of the decoder. */
bus_dec_t bus_frame_decode(const uint8_t *buf, uint8_t n, bus_frame_t *f, uint8_t *used);

typedef struct {
    uint8_t buf[BUS_MAX_FRAME];
    uint8_t n;
    uint16_t noise, bad_addr, bad_len, bad_crc, frames; /* counters, wrap silently */
} bus_parser_t;

void bus_parser_reset(bus_parser_t *p);
/* Drops a partial frame (inter-frame gap seen). */
void bus_parser_gap(bus_parser_t *p);
/* Appends one received byte. Never fails: a full buffer always decodes to something. */
void bus_parser_push(bus_parser_t *p, uint8_t byte);
/* Takes the next complete frame, if any; call until false after each push. */
bool bus_parser_pop(bus_parser_t *p, bus_frame_t *f);

#endif
