/* libFuzzer target: arbitrary bytes into the one-shot decoder and into a board (parser +
 * protocol handler). Crashes, UB, leaks or hangs fail the run. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../core/board.h"

static void sink(void *ctx, const uint8_t *buf, uint8_t n) {
    uint8_t used;
    bus_frame_t f;
    (void)ctx;
    /* Every reply the board makes must itself be a valid frame. */
    if (bus_frame_decode(buf, n, &f, &used) != BUS_DEC_FRAME || used != n) __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    size_t i = 0;
    while (i < size) {
        bus_frame_t f;
        uint8_t used;
        size_t rem = size - i > BUS_MAX_FRAME ? BUS_MAX_FRAME : size - i;
        bus_dec_t r = bus_frame_decode(data + i, (uint8_t)rem, &f, &used);
        if (r == BUS_DEC_NEED_MORE) break;
        if (used == 0 || used > rem) __builtin_trap();
        if (r == BUS_DEC_FRAME && (f.len > BUS_MAX_PAYLOAD || used != f.len + 7u)) __builtin_trap();
        i += used;
    }
    board_t b;
    board_hal_t hal = {sink, NULL, NULL, NULL};
    /* The board takes the address of the first frame, so seeded frames reach its handler. */
    board_init(&b, &hal, size > 1 ? (uint8_t)(data[1] % 32u + 1u) : 1, 0x0102);
    for (size_t k = 0; k < size; k++) {
        if ((k & 15u) == 0) board_tick(&b, (uint32_t)k, (uint32_t)data[k] << 10);
        board_rx_byte(&b, data[k]);
    }
    return 0;
}
