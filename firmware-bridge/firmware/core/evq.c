#include "evq.h"
#include <string.h>

void evq_init(bus_evq_t *q) {
    memset(q, 0, sizeof *q);
    q->next_seq = 1;
}

bool evq_push(bus_evq_t *q, uint8_t key, uint8_t arg) {
    if (q->count == BUS_EVQ_DEPTH) {
        q->overflow = 1;
        return false;
    }
    bus_event_t *e = &q->q[(uint8_t)(q->head + q->count) % BUS_EVQ_DEPTH];
    e->seq = q->next_seq++;
    e->key = key;
    e->arg = arg;
    q->count++;
    return true;
}

uint8_t evq_peek(bus_evq_t *q, bus_event_t *out, uint8_t max) {
    uint8_t n = q->count < max ? q->count : max;
    for (uint8_t i = 0; i < n; i++) out[i] = q->q[(uint8_t)(q->head + i) % BUS_EVQ_DEPTH];
    if (n > q->sent) q->sent = n;
    if (q->overflow) q->overflow = 2;
    return n;
}

uint8_t evq_ack(bus_evq_t *q, uint8_t seq) {
    for (uint8_t i = 0; i < q->sent; i++) {
        if (q->q[(uint8_t)(q->head + i) % BUS_EVQ_DEPTH].seq == seq) {
            uint8_t drop = (uint8_t)(i + 1u);
            q->head = (uint8_t)((q->head + drop) % BUS_EVQ_DEPTH);
            q->count = (uint8_t)(q->count - drop);
            q->sent = (uint8_t)(q->sent - drop);
            if (q->overflow == 2) q->overflow = 0;
            return drop;
        }
    }
    return 0;
}
