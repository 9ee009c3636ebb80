/*
 * One counter board: the protocol (counter-bus.md §4-5) on top of the frame parser, the key
 * queue, the keypad and the display. Hardware comes in as callbacks, so the same code runs on
 * the ATmega328P, in the host simulator and in the unit tests.
 */
#ifndef BUS_BOARD_H
#define BUS_BOARD_H
#include <stdbool.h>
#include <stdint.h>
#include "display.h"
#include "evq.h"
#include "frame.h"
#include "keypad.h"

typedef struct {
    /* Sends one whole reply frame (the HAL raises DE, writes, waits for TXC, drops DE). */
    void (*uart_write)(void *ctx, const uint8_t *buf, uint8_t n);
    /* The display state changed by a command (for the simulator's log; may be NULL). */
    void (*on_display)(void *ctx, const display_t *d);
    /* A press was queued (simulator log, may be NULL). */
    void (*on_event)(void *ctx, const bus_event_t *e);
    void *ctx;
} board_hal_t;

typedef struct {
    board_hal_t hal;
    uint8_t addr;
    uint16_t epoch;
    uint32_t now_ms;
    uint32_t last_rx_ms;
    bus_parser_t rx;
    bus_evq_t evq;
    keypad_t keys;
    display_t disp;
    uint16_t rejected;  /* commands refused (bad payload / unknown type) */
} board_t;

void board_init(board_t *b, const board_hal_t *hal, uint8_t addr, uint16_t epoch);
/* One byte off the bus (every board on the bus sees every byte). */
void board_rx_byte(board_t *b, uint8_t byte);
/* Called every millisecond or so with the raw keypad scan. */
void board_tick(board_t *b, uint32_t now_ms, uint32_t raw_keys);

#endif
