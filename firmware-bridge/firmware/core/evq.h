/*
 * Key-event queue: a press stays here until the master acknowledges it (counter-bus.md §5).
 * Events are numbered 1, 2, ... per boot epoch (wrapping 255 -> 0 -> 1 is fine: the master
 * compares modulo 256 and the queue is far shorter than 128).
 */
#ifndef BUS_EVQ_H
#define BUS_EVQ_H
#include <stdbool.h>
#include <stdint.h>
#include "bus_config.h"

typedef struct { uint8_t seq, key, arg; } bus_event_t;

typedef struct {
    bus_event_t q[BUS_EVQ_DEPTH];
    uint8_t head, count;
    uint8_t sent;       /* events at the head that went out in a STATUS at least once */
    uint8_t next_seq;
    uint8_t overflow;   /* 0 none; 1 a press was refused; 2 that was reported: an ack clears it */
} bus_evq_t;

void evq_init(bus_evq_t *q);
/* Queues a press; false (and overflow set) when full: the oldest unacked presses win. */
bool evq_push(bus_evq_t *q, uint8_t key, uint8_t arg);
/* Copies up to max events from the head into out, marks them sent; returns how many. */
uint8_t evq_peek(bus_evq_t *q, bus_event_t *out, uint8_t max);
/* Master has everything up to seq: drops sent events up to and including seq. An ack for an
 * event never sent is ignored (stale or foreign ack); returns how many were dropped. */
uint8_t evq_ack(bus_evq_t *q, uint8_t seq);

#endif
