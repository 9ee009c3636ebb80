/*
 * Host bus simulator: several counter boards (the real core) on one pseudo-terminal, like boards
 * on one RS-485 pair. Every byte from the master reaches every board; the addressed one answers.
 * Tests drive it through stdin/stdout lines (see sim_control.c and README.md).
 */
#ifndef SIM_H
#define SIM_H
#include <stdbool.h>
#include <stdint.h>
#include "../core/board.h"

#define SIM_MAX_PENDING 32

typedef struct {
    board_t b;
    bool present;            /* configured on this bus */
    bool powered;
    uint16_t epoch;
    uint8_t pending[SIM_MAX_PENDING]; /* key positions still to press */
    uint8_t npending;
    uint32_t raw;            /* current simulated key contacts */
    uint32_t phase_until_ms; /* end of the current press or release phase */
    int drop_next, corrupt_next;
} sim_board_t;

typedef struct {
    sim_board_t boards[BUS_MAX_ADDR + 1]; /* index = address */
    const char *pty_path;
    int fd;
    unsigned long baud;      /* 0: no line-rate pacing */
    unsigned rx_since_reply; /* bytes heard since the last reply, for pacing */
    uint16_t epoch_base;
} sim_t;

uint64_t sim_now_us(void);
void sim_power_on(sim_t *s, uint8_t addr);
void sim_write_bus(sim_t *s, const uint8_t *buf, unsigned n);
/* Handles one control line; prints the answer. Returns false on "quit". */
bool sim_control(sim_t *s, char *line);
/* Advances press scripts and ticks every powered board. */
void sim_tick_all(sim_t *s, uint32_t now_ms);

#endif
